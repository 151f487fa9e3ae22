DROP INDEX `schedule_entries_by_booking`;--> statement-breakpoint
CREATE UNIQUE INDEX `schedule_entries_by_booking` ON `schedule_entries` (`booking`);--> statement-breakpoint
ALTER TABLE `bookings` ADD `timezone` text DEFAULT 'UTC' NOT NULL;