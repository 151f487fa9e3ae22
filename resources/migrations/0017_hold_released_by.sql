ALTER TABLE `bookings` ADD `released_by` text REFERENCES bookings(id);--> statement-breakpoint
CREATE INDEX `bookings_by_released_by` ON `bookings` (`released_by`) WHERE "bookings"."released_by" IS NOT NULL;--> statement-breakpoint
-- Holds released before this version: their release's audit row names the confirmed booking.
UPDATE `bookings` SET `released_by` = (
  SELECT json_extract(a.`changes`, '$.by') FROM `audit_log` a
  WHERE a.`entity` = 'bookings' AND a.`entity_id` = `bookings`.`id` AND a.`action` = 'bookings.release'
    AND json_extract(a.`changes`, '$.by') IN (SELECT `id` FROM `bookings`)
  ORDER BY a.`at` DESC LIMIT 1
) WHERE `status` = 'cancelled' AND `cancel_reason` = 'released';
