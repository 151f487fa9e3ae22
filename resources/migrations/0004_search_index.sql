-- Global search: one FTS5 index over what people search for, kept in step by triggers in the
-- same transaction as every write. rowid = source rowid * 8 + kind code, so a trigger finds its
-- row without a scan. The trigram tokenizer finds substrings (Chinese included) and, with
-- remove_diacritics, "zoe" finds "Zoë". Restricted fields (notes, callback notes, rates) are
-- never indexed.
CREATE VIRTUAL TABLE `search_index` USING fts5(kind UNINDEXED, ref UNINDEXED, title, detail, tokenize = 'trigram remove_diacritics 1');
--> statement-breakpoint
INSERT INTO `search_index` (rowid, kind, ref, title, detail) SELECT rowid * 8 + 1, 'talents', id, talent_profiles.stage_name, talent_profiles.full_name FROM `talent_profiles`;
--> statement-breakpoint
CREATE TRIGGER `talent_profiles_search_insert` AFTER INSERT ON `talent_profiles` BEGIN
  INSERT INTO `search_index` (rowid, kind, ref, title, detail) VALUES (new.rowid * 8 + 1, 'talents', new.id, new.stage_name, new.full_name);
END;
--> statement-breakpoint
CREATE TRIGGER `talent_profiles_search_update` AFTER UPDATE OF stage_name, full_name ON `talent_profiles` BEGIN
  UPDATE `search_index` SET title = new.stage_name, detail = new.full_name WHERE rowid = new.rowid * 8 + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `talent_profiles_search_delete` AFTER DELETE ON `talent_profiles` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.rowid * 8 + 1;
END;
--> statement-breakpoint
INSERT INTO `search_index` (rowid, kind, ref, title, detail) SELECT rowid * 8 + 2, 'auditions', id, auditions.client_name || ' · ' || auditions.project_name, '' FROM `auditions`;
--> statement-breakpoint
CREATE TRIGGER `auditions_search_insert` AFTER INSERT ON `auditions` BEGIN
  INSERT INTO `search_index` (rowid, kind, ref, title, detail) VALUES (new.rowid * 8 + 2, 'auditions', new.id, new.client_name || ' · ' || new.project_name, '');
END;
--> statement-breakpoint
CREATE TRIGGER `auditions_search_update` AFTER UPDATE OF client_name, project_name ON `auditions` BEGIN
  UPDATE `search_index` SET title = new.client_name || ' · ' || new.project_name, detail = '' WHERE rowid = new.rowid * 8 + 2;
END;
--> statement-breakpoint
CREATE TRIGGER `auditions_search_delete` AFTER DELETE ON `auditions` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.rowid * 8 + 2;
END;
--> statement-breakpoint
INSERT INTO `search_index` (rowid, kind, ref, title, detail) SELECT rowid * 8 + 3, 'bookings', id, bookings.client_name || ' · ' || bookings.project_name, '' FROM `bookings`;
--> statement-breakpoint
CREATE TRIGGER `bookings_search_insert` AFTER INSERT ON `bookings` BEGIN
  INSERT INTO `search_index` (rowid, kind, ref, title, detail) VALUES (new.rowid * 8 + 3, 'bookings', new.id, new.client_name || ' · ' || new.project_name, '');
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_search_update` AFTER UPDATE OF client_name, project_name ON `bookings` BEGIN
  UPDATE `search_index` SET title = new.client_name || ' · ' || new.project_name, detail = '' WHERE rowid = new.rowid * 8 + 3;
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_search_delete` AFTER DELETE ON `bookings` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.rowid * 8 + 3;
END;
--> statement-breakpoint
INSERT INTO `search_index` (rowid, kind, ref, title, detail) SELECT rowid * 8 + 4, 'artists', id, artists.artist_name, artists.genre FROM `artists`;
--> statement-breakpoint
CREATE TRIGGER `artists_search_insert` AFTER INSERT ON `artists` BEGIN
  INSERT INTO `search_index` (rowid, kind, ref, title, detail) VALUES (new.rowid * 8 + 4, 'artists', new.id, new.artist_name, new.genre);
END;
--> statement-breakpoint
CREATE TRIGGER `artists_search_update` AFTER UPDATE OF artist_name, genre ON `artists` BEGIN
  UPDATE `search_index` SET title = new.artist_name, detail = new.genre WHERE rowid = new.rowid * 8 + 4;
END;
--> statement-breakpoint
CREATE TRIGGER `artists_search_delete` AFTER DELETE ON `artists` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.rowid * 8 + 4;
END;
--> statement-breakpoint
INSERT INTO `search_index` (rowid, kind, ref, title, detail) SELECT rowid * 8 + 5, 'demos', id, demos.title, '' FROM `demos`;
--> statement-breakpoint
CREATE TRIGGER `demos_search_insert` AFTER INSERT ON `demos` BEGIN
  INSERT INTO `search_index` (rowid, kind, ref, title, detail) VALUES (new.rowid * 8 + 5, 'demos', new.id, new.title, '');
END;
--> statement-breakpoint
CREATE TRIGGER `demos_search_update` AFTER UPDATE OF title ON `demos` BEGIN
  UPDATE `search_index` SET title = new.title, detail = '' WHERE rowid = new.rowid * 8 + 5;
END;
--> statement-breakpoint
CREATE TRIGGER `demos_search_delete` AFTER DELETE ON `demos` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.rowid * 8 + 5;
END;
--> statement-breakpoint
INSERT INTO `search_index` (rowid, kind, ref, title, detail) SELECT rowid * 8 + 6, 'contracts', id, contracts.contract_type, '' FROM `contracts`;
--> statement-breakpoint
CREATE TRIGGER `contracts_search_insert` AFTER INSERT ON `contracts` BEGIN
  INSERT INTO `search_index` (rowid, kind, ref, title, detail) VALUES (new.rowid * 8 + 6, 'contracts', new.id, new.contract_type, '');
END;
--> statement-breakpoint
CREATE TRIGGER `contracts_search_update` AFTER UPDATE OF contract_type ON `contracts` BEGIN
  UPDATE `search_index` SET title = new.contract_type, detail = '' WHERE rowid = new.rowid * 8 + 6;
END;
--> statement-breakpoint
CREATE TRIGGER `contracts_search_delete` AFTER DELETE ON `contracts` BEGIN
  DELETE FROM `search_index` WHERE rowid = old.rowid * 8 + 6;
END;
--> statement-breakpoint
INSERT INTO `search_index` (rowid, kind, ref, title, detail) SELECT rowid * 8 + 7, 'reviewNotes', id, '', review_notes.body FROM `review_notes`;
--> statement-breakpoint
CREATE TRIGGER `review_notes_search_insert` AFTER INSERT ON `review_notes` BEGIN
  INSERT INTO `search_index` (rowid, kind, ref, title, detail) VALUES (new.rowid * 8 + 7, 'reviewNotes', new.id, '', new.body);
END;
