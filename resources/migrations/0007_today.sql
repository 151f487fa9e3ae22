CREATE TABLE `today_marks` (
	`user` text NOT NULL,
	`item` text NOT NULL,
	`done_at` text,
	`snoozed_until` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`user`, `item`),
	FOREIGN KEY (`user`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `settings` ADD `demo_decision_days` integer DEFAULT 14 NOT NULL;