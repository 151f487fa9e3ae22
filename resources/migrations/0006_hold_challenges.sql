ALTER TABLE `bookings` ADD `challenge_deadline` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `challenged_by` text;--> statement-breakpoint
CREATE INDEX `bookings_by_challenge_deadline` ON `bookings` (`challenge_deadline`);