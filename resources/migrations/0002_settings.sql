CREATE TABLE `settings` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`sign_up_enabled` integer DEFAULT true NOT NULL,
	`idle_timeout_minutes` integer DEFAULT 720 NOT NULL
);
