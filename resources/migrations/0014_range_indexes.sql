-- Team scope: auditions and bookings carry their talent's manager (team_manager), copied by
-- triggers, so a team's list reads its own index range in list order instead of every row of
-- the status joined to its talent and filtered.
ALTER TABLE `auditions` ADD `team_manager` text;
--> statement-breakpoint
UPDATE `auditions` SET `team_manager` = (SELECT `manager` FROM `talent_profiles` WHERE `talent_profiles`.`id` = `auditions`.`talent_profile`);
--> statement-breakpoint
ALTER TABLE `bookings` ADD `team_manager` text;
--> statement-breakpoint
UPDATE `bookings` SET `team_manager` = (SELECT `manager` FROM `talent_profiles` WHERE `talent_profiles`.`id` = `bookings`.`talent_profile`);
--> statement-breakpoint
DROP INDEX `auditions_by_audition_date`;
--> statement-breakpoint
DROP INDEX `auditions_by_status_audition_date`;
--> statement-breakpoint
CREATE INDEX `auditions_by_audition_date_id` ON `auditions` (`audition_date`,`id`);
--> statement-breakpoint
CREATE INDEX `auditions_by_status_audition_date_id` ON `auditions` (`status`,`audition_date`,`id`);
--> statement-breakpoint
CREATE INDEX `auditions_by_team_manager_audition_date_id` ON `auditions` (`team_manager`,`audition_date`,`id`);
--> statement-breakpoint
CREATE INDEX `auditions_by_team_manager_status_audition_date_id` ON `auditions` (`team_manager`,`status`,`audition_date`,`id`);
--> statement-breakpoint
DROP INDEX `bookings_by_start_date_time`;
--> statement-breakpoint
DROP INDEX `bookings_by_status_start_date_time`;
--> statement-breakpoint
CREATE INDEX `bookings_by_start_date_time_id` ON `bookings` (`start_date_time`,`id`);
--> statement-breakpoint
CREATE INDEX `bookings_by_status_start_date_time_id` ON `bookings` (`status`,`start_date_time`,`id`);
--> statement-breakpoint
CREATE INDEX `bookings_by_team_manager_start_date_time_id` ON `bookings` (`team_manager`,`start_date_time`,`id`);
--> statement-breakpoint
CREATE INDEX `bookings_by_team_manager_status_start_date_time_id` ON `bookings` (`team_manager`,`status`,`start_date_time`,`id`);
--> statement-breakpoint
CREATE TRIGGER `auditions_team_insert` AFTER INSERT ON `auditions` WHEN new.`team_manager` IS NOT (SELECT `manager` FROM `talent_profiles` WHERE `id` = new.`talent_profile`) BEGIN
  UPDATE `auditions` SET `team_manager` = (SELECT `manager` FROM `talent_profiles` WHERE `id` = new.`talent_profile`) WHERE rowid = new.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `auditions_team_update` AFTER UPDATE OF `talent_profile`, `team_manager` ON `auditions` WHEN new.`team_manager` IS NOT (SELECT `manager` FROM `talent_profiles` WHERE `id` = new.`talent_profile`) BEGIN
  UPDATE `auditions` SET `team_manager` = (SELECT `manager` FROM `talent_profiles` WHERE `id` = new.`talent_profile`) WHERE rowid = new.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_team_insert` AFTER INSERT ON `bookings` WHEN new.`team_manager` IS NOT (SELECT `manager` FROM `talent_profiles` WHERE `id` = new.`talent_profile`) BEGIN
  UPDATE `bookings` SET `team_manager` = (SELECT `manager` FROM `talent_profiles` WHERE `id` = new.`talent_profile`) WHERE rowid = new.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_team_update` AFTER UPDATE OF `talent_profile`, `team_manager` ON `bookings` WHEN new.`team_manager` IS NOT (SELECT `manager` FROM `talent_profiles` WHERE `id` = new.`talent_profile`) BEGIN
  UPDATE `bookings` SET `team_manager` = (SELECT `manager` FROM `talent_profiles` WHERE `id` = new.`talent_profile`) WHERE rowid = new.rowid;
END;
--> statement-breakpoint
-- Time ranges: an R*Tree per timed table answers "overlaps [from, to)" directly, whatever the
-- longest row. Dimensions: minutes since 1970 (start rounded down and end up, a minute's margin
-- either way, so the box always covers the exact interval; callers recheck the exact instants),
-- the talent's rowid and its manager's rowid (a talent's or a team's rows only). id is the
-- row's rowid, which VACUUM keeps (as the search index relies on).
CREATE VIRTUAL TABLE `schedule_entry_spans` USING rtree_i32(id, start_minute, end_minute, talent_lo, talent_hi, team_lo, team_hi);
--> statement-breakpoint
CREATE VIRTUAL TABLE `booking_spans` USING rtree_i32(id, start_minute, end_minute, talent_lo, talent_hi, team_lo, team_hi);
--> statement-breakpoint
CREATE VIRTUAL TABLE `availability_block_spans` USING rtree_i32(id, start_minute, end_minute, talent_lo, talent_hi, team_lo, team_hi);
--> statement-breakpoint
INSERT INTO `schedule_entry_spans` SELECT r.rowid, unixepoch(r.`start`) / 60 - 1, unixepoch(r.`end`) / 60 + 1, t.rowid, t.rowid, u.rowid, u.rowid FROM `schedule_entries` r JOIN `talent_profiles` t ON t.`id` = r.`talent_profile` JOIN `users` u ON u.`id` = t.`manager`;
--> statement-breakpoint
CREATE TRIGGER `schedule_entries_span_insert` AFTER INSERT ON `schedule_entries` BEGIN
  INSERT INTO `schedule_entry_spans` SELECT new.rowid, unixepoch(new.`start`) / 60 - 1, unixepoch(new.`end`) / 60 + 1, t.rowid, t.rowid, u.rowid, u.rowid FROM `talent_profiles` t JOIN `users` u ON u.`id` = t.`manager` WHERE t.`id` = new.`talent_profile`;
END;
--> statement-breakpoint
CREATE TRIGGER `schedule_entries_span_update` AFTER UPDATE OF `start`, `end`, `talent_profile` ON `schedule_entries` BEGIN
  DELETE FROM `schedule_entry_spans` WHERE id = old.rowid;
  INSERT INTO `schedule_entry_spans` SELECT new.rowid, unixepoch(new.`start`) / 60 - 1, unixepoch(new.`end`) / 60 + 1, t.rowid, t.rowid, u.rowid, u.rowid FROM `talent_profiles` t JOIN `users` u ON u.`id` = t.`manager` WHERE t.`id` = new.`talent_profile`;
END;
--> statement-breakpoint
CREATE TRIGGER `schedule_entries_span_delete` AFTER DELETE ON `schedule_entries` BEGIN
  DELETE FROM `schedule_entry_spans` WHERE id = old.rowid;
END;
--> statement-breakpoint
INSERT INTO `booking_spans` SELECT r.rowid, unixepoch(r.`start_date_time`) / 60 - 1, unixepoch(r.`end_date_time`) / 60 + 1, t.rowid, t.rowid, u.rowid, u.rowid FROM `bookings` r JOIN `talent_profiles` t ON t.`id` = r.`talent_profile` JOIN `users` u ON u.`id` = t.`manager`;
--> statement-breakpoint
CREATE TRIGGER `bookings_span_insert` AFTER INSERT ON `bookings` BEGIN
  INSERT INTO `booking_spans` SELECT new.rowid, unixepoch(new.`start_date_time`) / 60 - 1, unixepoch(new.`end_date_time`) / 60 + 1, t.rowid, t.rowid, u.rowid, u.rowid FROM `talent_profiles` t JOIN `users` u ON u.`id` = t.`manager` WHERE t.`id` = new.`talent_profile`;
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_span_update` AFTER UPDATE OF `start_date_time`, `end_date_time`, `talent_profile` ON `bookings` BEGIN
  DELETE FROM `booking_spans` WHERE id = old.rowid;
  INSERT INTO `booking_spans` SELECT new.rowid, unixepoch(new.`start_date_time`) / 60 - 1, unixepoch(new.`end_date_time`) / 60 + 1, t.rowid, t.rowid, u.rowid, u.rowid FROM `talent_profiles` t JOIN `users` u ON u.`id` = t.`manager` WHERE t.`id` = new.`talent_profile`;
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_span_delete` AFTER DELETE ON `bookings` BEGIN
  DELETE FROM `booking_spans` WHERE id = old.rowid;
END;
--> statement-breakpoint
INSERT INTO `availability_block_spans` SELECT r.rowid, unixepoch(r.`start`) / 60 - 1, unixepoch(r.`end`) / 60 + 1, t.rowid, t.rowid, u.rowid, u.rowid FROM `availability_blocks` r JOIN `talent_profiles` t ON t.`id` = r.`talent_profile` JOIN `users` u ON u.`id` = t.`manager`;
--> statement-breakpoint
CREATE TRIGGER `availability_blocks_span_insert` AFTER INSERT ON `availability_blocks` BEGIN
  INSERT INTO `availability_block_spans` SELECT new.rowid, unixepoch(new.`start`) / 60 - 1, unixepoch(new.`end`) / 60 + 1, t.rowid, t.rowid, u.rowid, u.rowid FROM `talent_profiles` t JOIN `users` u ON u.`id` = t.`manager` WHERE t.`id` = new.`talent_profile`;
END;
--> statement-breakpoint
CREATE TRIGGER `availability_blocks_span_update` AFTER UPDATE OF `start`, `end`, `talent_profile` ON `availability_blocks` BEGIN
  DELETE FROM `availability_block_spans` WHERE id = old.rowid;
  INSERT INTO `availability_block_spans` SELECT new.rowid, unixepoch(new.`start`) / 60 - 1, unixepoch(new.`end`) / 60 + 1, t.rowid, t.rowid, u.rowid, u.rowid FROM `talent_profiles` t JOIN `users` u ON u.`id` = t.`manager` WHERE t.`id` = new.`talent_profile`;
END;
--> statement-breakpoint
CREATE TRIGGER `availability_blocks_span_delete` AFTER DELETE ON `availability_blocks` BEGIN
  DELETE FROM `availability_block_spans` WHERE id = old.rowid;
END;
--> statement-breakpoint
-- A talent moving team takes its rows with it.
CREATE TRIGGER `talent_profiles_team_update` AFTER UPDATE OF `manager` ON `talent_profiles` BEGIN
  UPDATE `auditions` SET `team_manager` = new.`manager` WHERE `talent_profile` = new.`id`;
  UPDATE `bookings` SET `team_manager` = new.`manager` WHERE `talent_profile` = new.`id`;
  UPDATE `schedule_entry_spans` SET team_lo = (SELECT rowid FROM `users` WHERE `id` = new.`manager`), team_hi = (SELECT rowid FROM `users` WHERE `id` = new.`manager`) WHERE id IN (SELECT rowid FROM `schedule_entries` WHERE `talent_profile` = new.`id`);
  UPDATE `booking_spans` SET team_lo = (SELECT rowid FROM `users` WHERE `id` = new.`manager`), team_hi = (SELECT rowid FROM `users` WHERE `id` = new.`manager`) WHERE id IN (SELECT rowid FROM `bookings` WHERE `talent_profile` = new.`id`);
  UPDATE `availability_block_spans` SET team_lo = (SELECT rowid FROM `users` WHERE `id` = new.`manager`), team_hi = (SELECT rowid FROM `users` WHERE `id` = new.`manager`) WHERE id IN (SELECT rowid FROM `availability_blocks` WHERE `talent_profile` = new.`id`);
END;
--> statement-breakpoint
-- Short Chinese, Japanese and Korean terms: the trigram index cannot find one or two
-- characters, so every ideograph, kana and Hangul syllable of a search row is indexed again
-- here on its own and with the next one (雨, 思远), as tokens of their own. A 1- or 2-character
-- term of these scripts is then one index lookup, with LIKE's answer: the pairs are exactly the
-- row's adjacent characters. Rows without such characters have no entry. Kept by the same
-- triggers as search_index, from the row they have just written there (the view below).
CREATE VIRTUAL TABLE `search_grams` USING fts5(grams, tokenize = 'unicode61 remove_diacritics 0', detail = 'none');
--> statement-breakpoint
CREATE VIEW `search_index_grams` AS SELECT s.rowid AS rowid, (
  SELECT group_concat(gram, ' ') FROM (
    SELECT CASE WHEN (u1 BETWEEN 0x3400 AND 0x4DBF OR u1 BETWEEN 0x4E00 AND 0x9FFF OR u1 BETWEEN 0xF900 AND 0xFAFF OR u1 BETWEEN 0x20000 AND 0x3134F OR u1 BETWEEN 0x3041 AND 0x3096 OR u1 BETWEEN 0x30A1 AND 0x30FA OR u1 BETWEEN 0xAC00 AND 0xD7A3) THEN c1 || CASE WHEN (u2 BETWEEN 0x3400 AND 0x4DBF OR u2 BETWEEN 0x4E00 AND 0x9FFF OR u2 BETWEEN 0xF900 AND 0xFAFF OR u2 BETWEEN 0x20000 AND 0x3134F OR u2 BETWEEN 0x3041 AND 0x3096 OR u2 BETWEEN 0x30A1 AND 0x30FA OR u2 BETWEEN 0xAC00 AND 0xD7A3) THEN ' ' || c1 || c2 ELSE '' END END AS gram
    FROM (
      SELECT substr(x.t, key + 1, 1) AS c1, unicode(substr(x.t, key + 1, 1)) AS u1,
             substr(x.t, key + 2, 1) AS c2, unicode(substr(x.t, key + 2, 1)) AS u2
      FROM (SELECT s.title || ' ' || s.detail AS t) x,
           json_each('[' || rtrim(replace(hex(zeroblob(length(s.title || ' ' || s.detail))), '00', '0,'), ',') || ']')
    )
  )
) AS grams FROM `search_index` s;
--> statement-breakpoint
INSERT INTO `search_grams` (rowid, grams) SELECT rowid, grams FROM `search_index_grams` WHERE grams IS NOT NULL;
--> statement-breakpoint
DROP TRIGGER `talent_profiles_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `talent_profiles_search_insert` AFTER INSERT ON `talent_profiles` BEGIN
  INSERT INTO `search_index` (rowid, kind, ref, title, detail) VALUES (new.rowid * 8 + 1, 'talents', new.id, new.stage_name, new.full_name);
  INSERT INTO `search_grams` (rowid, grams) SELECT rowid, grams FROM `search_index_grams` WHERE rowid = new.rowid * 8 + 1 AND grams IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `talent_profiles_search_update`;
--> statement-breakpoint
CREATE TRIGGER `talent_profiles_search_update` AFTER UPDATE OF stage_name, full_name ON `talent_profiles` BEGIN
  UPDATE `search_index` SET title = new.stage_name, detail = new.full_name WHERE rowid = new.rowid * 8 + 1;
  DELETE FROM `search_grams` WHERE rowid = new.rowid * 8 + 1;
  INSERT INTO `search_grams` (rowid, grams) SELECT rowid, grams FROM `search_index_grams` WHERE rowid = new.rowid * 8 + 1 AND grams IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `talent_profiles_search_delete`;
--> statement-breakpoint
CREATE TRIGGER `talent_profiles_search_delete` AFTER DELETE ON `talent_profiles` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.rowid * 8 + 1;
  DELETE FROM `search_grams` WHERE rowid = old.rowid * 8 + 1;
END;
--> statement-breakpoint
DROP TRIGGER `auditions_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `auditions_search_insert` AFTER INSERT ON `auditions` BEGIN
  INSERT INTO `search_index` (rowid, kind, ref, title, detail) VALUES (new.rowid * 8 + 2, 'auditions', new.id, new.client_name || ' · ' || new.project_name, '');
  INSERT INTO `search_grams` (rowid, grams) SELECT rowid, grams FROM `search_index_grams` WHERE rowid = new.rowid * 8 + 2 AND grams IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `auditions_search_update`;
--> statement-breakpoint
CREATE TRIGGER `auditions_search_update` AFTER UPDATE OF client_name, project_name ON `auditions` BEGIN
  UPDATE `search_index` SET title = new.client_name || ' · ' || new.project_name, detail = '' WHERE rowid = new.rowid * 8 + 2;
  DELETE FROM `search_grams` WHERE rowid = new.rowid * 8 + 2;
  INSERT INTO `search_grams` (rowid, grams) SELECT rowid, grams FROM `search_index_grams` WHERE rowid = new.rowid * 8 + 2 AND grams IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `auditions_search_delete`;
--> statement-breakpoint
CREATE TRIGGER `auditions_search_delete` AFTER DELETE ON `auditions` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.rowid * 8 + 2;
  DELETE FROM `search_grams` WHERE rowid = old.rowid * 8 + 2;
END;
--> statement-breakpoint
DROP TRIGGER `bookings_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `bookings_search_insert` AFTER INSERT ON `bookings` BEGIN
  INSERT INTO `search_index` (rowid, kind, ref, title, detail) VALUES (new.rowid * 8 + 3, 'bookings', new.id, new.client_name || ' · ' || new.project_name, '');
  INSERT INTO `search_grams` (rowid, grams) SELECT rowid, grams FROM `search_index_grams` WHERE rowid = new.rowid * 8 + 3 AND grams IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `bookings_search_update`;
--> statement-breakpoint
CREATE TRIGGER `bookings_search_update` AFTER UPDATE OF client_name, project_name ON `bookings` BEGIN
  UPDATE `search_index` SET title = new.client_name || ' · ' || new.project_name, detail = '' WHERE rowid = new.rowid * 8 + 3;
  DELETE FROM `search_grams` WHERE rowid = new.rowid * 8 + 3;
  INSERT INTO `search_grams` (rowid, grams) SELECT rowid, grams FROM `search_index_grams` WHERE rowid = new.rowid * 8 + 3 AND grams IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `bookings_search_delete`;
--> statement-breakpoint
CREATE TRIGGER `bookings_search_delete` AFTER DELETE ON `bookings` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.rowid * 8 + 3;
  DELETE FROM `search_grams` WHERE rowid = old.rowid * 8 + 3;
END;
--> statement-breakpoint
DROP TRIGGER `artists_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `artists_search_insert` AFTER INSERT ON `artists` BEGIN
  INSERT INTO `search_index` (rowid, kind, ref, title, detail) VALUES (new.rowid * 8 + 4, 'artists', new.id, new.artist_name, new.genre);
  INSERT INTO `search_grams` (rowid, grams) SELECT rowid, grams FROM `search_index_grams` WHERE rowid = new.rowid * 8 + 4 AND grams IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `artists_search_update`;
--> statement-breakpoint
CREATE TRIGGER `artists_search_update` AFTER UPDATE OF artist_name, genre ON `artists` BEGIN
  UPDATE `search_index` SET title = new.artist_name, detail = new.genre WHERE rowid = new.rowid * 8 + 4;
  DELETE FROM `search_grams` WHERE rowid = new.rowid * 8 + 4;
  INSERT INTO `search_grams` (rowid, grams) SELECT rowid, grams FROM `search_index_grams` WHERE rowid = new.rowid * 8 + 4 AND grams IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `artists_search_delete`;
--> statement-breakpoint
CREATE TRIGGER `artists_search_delete` AFTER DELETE ON `artists` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.rowid * 8 + 4;
  DELETE FROM `search_grams` WHERE rowid = old.rowid * 8 + 4;
END;
--> statement-breakpoint
DROP TRIGGER `demos_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `demos_search_insert` AFTER INSERT ON `demos` BEGIN
  INSERT INTO `search_index` (rowid, kind, ref, title, detail) VALUES (new.rowid * 8 + 5, 'demos', new.id, new.title, '');
  INSERT INTO `search_grams` (rowid, grams) SELECT rowid, grams FROM `search_index_grams` WHERE rowid = new.rowid * 8 + 5 AND grams IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `demos_search_update`;
--> statement-breakpoint
CREATE TRIGGER `demos_search_update` AFTER UPDATE OF title ON `demos` BEGIN
  UPDATE `search_index` SET title = new.title, detail = '' WHERE rowid = new.rowid * 8 + 5;
  DELETE FROM `search_grams` WHERE rowid = new.rowid * 8 + 5;
  INSERT INTO `search_grams` (rowid, grams) SELECT rowid, grams FROM `search_index_grams` WHERE rowid = new.rowid * 8 + 5 AND grams IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `demos_search_delete`;
--> statement-breakpoint
CREATE TRIGGER `demos_search_delete` AFTER DELETE ON `demos` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.rowid * 8 + 5;
  DELETE FROM `search_grams` WHERE rowid = old.rowid * 8 + 5;
END;
--> statement-breakpoint
DROP TRIGGER `contracts_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `contracts_search_insert` AFTER INSERT ON `contracts` BEGIN
  INSERT INTO `search_index` (rowid, kind, ref, title, detail) VALUES (new.rowid * 8 + 6, 'contracts', new.id, new.contract_type, '');
  INSERT INTO `search_grams` (rowid, grams) SELECT rowid, grams FROM `search_index_grams` WHERE rowid = new.rowid * 8 + 6 AND grams IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `contracts_search_update`;
--> statement-breakpoint
CREATE TRIGGER `contracts_search_update` AFTER UPDATE OF contract_type ON `contracts` BEGIN
  UPDATE `search_index` SET title = new.contract_type, detail = '' WHERE rowid = new.rowid * 8 + 6;
  DELETE FROM `search_grams` WHERE rowid = new.rowid * 8 + 6;
  INSERT INTO `search_grams` (rowid, grams) SELECT rowid, grams FROM `search_index_grams` WHERE rowid = new.rowid * 8 + 6 AND grams IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `contracts_search_delete`;
--> statement-breakpoint
CREATE TRIGGER `contracts_search_delete` AFTER DELETE ON `contracts` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.rowid * 8 + 6;
  DELETE FROM `search_grams` WHERE rowid = old.rowid * 8 + 6;
END;
--> statement-breakpoint
DROP TRIGGER `review_notes_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `review_notes_search_insert` AFTER INSERT ON `review_notes` BEGIN
  INSERT INTO `search_index` (rowid, kind, ref, title, detail) VALUES (new.rowid * 8 + 7, 'reviewNotes', new.id, '', new.body);
  INSERT INTO `search_grams` (rowid, grams) SELECT rowid, grams FROM `search_index_grams` WHERE rowid = new.rowid * 8 + 7 AND grams IS NOT NULL;
END;
