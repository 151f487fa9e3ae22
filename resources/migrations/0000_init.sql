CREATE TABLE `artists` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`artist_name` text NOT NULL,
	`genre` text NOT NULL,
	`status` text NOT NULL,
	`priority_score` integer,
	`social_followers` integer,
	`last_demo_date` text,
	`owner` text NOT NULL,
	FOREIGN KEY (`owner`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `artists_by_priority_score_id` ON `artists` (`priority_score`,`id`);--> statement-breakpoint
CREATE INDEX `artists_by_owner` ON `artists` (`owner`);--> statement-breakpoint
CREATE INDEX `artists_by_status` ON `artists` (`status`);--> statement-breakpoint
CREATE INDEX `artists_by_genre` ON `artists` (`genre`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`changes` text,
	FOREIGN KEY (`actor`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_by_entity_entity_id_at` ON `audit_log` (`entity`,`entity_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_by_actor_at` ON `audit_log` (`actor`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_by_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `auditions` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`talent_profile` text NOT NULL,
	`client_name` text NOT NULL,
	`project_name` text NOT NULL,
	`audition_type` text NOT NULL,
	`audition_date` text NOT NULL,
	`status` text NOT NULL,
	`location` text,
	`callback_notes` text,
	FOREIGN KEY (`talent_profile`) REFERENCES `talent_profiles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `auditions_by_audition_date` ON `auditions` (`audition_date`);--> statement-breakpoint
CREATE INDEX `auditions_by_talent_profile_audition_date` ON `auditions` (`talent_profile`,`audition_date`);--> statement-breakpoint
CREATE INDEX `auditions_by_status_audition_date` ON `auditions` (`status`,`audition_date`);--> statement-breakpoint
CREATE TABLE `availability_blocks` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`talent_profile` text NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`timezone` text NOT NULL,
	`kind` text NOT NULL,
	`note` text,
	FOREIGN KEY (`talent_profile`) REFERENCES `talent_profiles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `availability_blocks_by_talent_profile_start` ON `availability_blocks` (`talent_profile`,`start`);--> statement-breakpoint
CREATE TABLE `bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`talent_profile` text NOT NULL,
	`audition` text,
	`client_name` text NOT NULL,
	`project_name` text NOT NULL,
	`start_date_time` text NOT NULL,
	`end_date_time` text NOT NULL,
	`status` text NOT NULL,
	`hold_rank` integer,
	`rate` integer,
	`currency` text,
	`notes` text,
	`cancel_reason` text,
	FOREIGN KEY (`talent_profile`) REFERENCES `talent_profiles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`audition`) REFERENCES `auditions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bookings_by_start_date_time` ON `bookings` (`start_date_time`);--> statement-breakpoint
CREATE INDEX `bookings_by_talent_profile_start_date_time` ON `bookings` (`talent_profile`,`start_date_time`);--> statement-breakpoint
CREATE INDEX `bookings_by_audition` ON `bookings` (`audition`);--> statement-breakpoint
CREATE INDEX `bookings_by_status_start_date_time` ON `bookings` (`status`,`start_date_time`);--> statement-breakpoint
CREATE TABLE `contracts` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`artist` text NOT NULL,
	`contract_type` text NOT NULL,
	`status` text NOT NULL,
	`effective_date` text,
	`signed_at` text,
	`document_url` text,
	`legal_owner` text NOT NULL,
	`terms` text,
	`option_date` text,
	`notice_date` text,
	`expiry_date` text,
	FOREIGN KEY (`artist`) REFERENCES `artists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`legal_owner`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contracts_by_artist` ON `contracts` (`artist`);--> statement-breakpoint
CREATE INDEX `contracts_by_status` ON `contracts` (`status`);--> statement-breakpoint
CREATE INDEX `contracts_by_legal_owner` ON `contracts` (`legal_owner`);--> statement-breakpoint
CREATE TABLE `demos` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`artist` text NOT NULL,
	`title` text NOT NULL,
	`audio_url` text NOT NULL,
	`submission_source` text NOT NULL,
	`review_status` text NOT NULL,
	`submitted_by` text NOT NULL,
	`received_at` text NOT NULL,
	`duration_seconds` real,
	`sample_rate` integer,
	`loudness_lufs` real,
	FOREIGN KEY (`artist`) REFERENCES `artists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `demos_by_received_at` ON `demos` (`received_at`);--> statement-breakpoint
CREATE INDEX `demos_by_artist_received_at` ON `demos` (`artist`,`received_at`);--> statement-breakpoint
CREATE INDEX `demos_by_review_status_received_at` ON `demos` (`review_status`,`received_at`);--> statement-breakpoint
CREATE TABLE `media` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`content_type` text NOT NULL,
	`file_name` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `media_by_sha256` ON `media` (`sha256`);--> statement-breakpoint
CREATE TABLE `review_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`artist` text NOT NULL,
	`demo` text,
	`author` text NOT NULL,
	`note_type` text NOT NULL,
	`body` text NOT NULL,
	`visibility` text NOT NULL,
	`at_seconds` real,
	`replaces` text,
	FOREIGN KEY (`artist`) REFERENCES `artists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`demo`) REFERENCES `demos`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replaces`) REFERENCES `review_notes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_notes_by_artist_created_at` ON `review_notes` (`artist`,`created_at`);--> statement-breakpoint
CREATE INDEX `review_notes_by_demo` ON `review_notes` (`demo`);--> statement-breakpoint
CREATE TABLE `schedule_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`talent_profile` text NOT NULL,
	`booking` text,
	`entry_type` text NOT NULL,
	`title` text,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`timezone` text NOT NULL,
	`status` text NOT NULL,
	`source` text DEFAULT 'manual' NOT NULL,
	FOREIGN KEY (`talent_profile`) REFERENCES `talent_profiles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booking`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `schedule_entries_by_start` ON `schedule_entries` (`start`);--> statement-breakpoint
CREATE INDEX `schedule_entries_by_talent_profile_start` ON `schedule_entries` (`talent_profile`,`start`);--> statement-breakpoint
CREATE INDEX `schedule_entries_by_booking` ON `schedule_entries` (`booking`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	FOREIGN KEY (`user`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_by_user` ON `sessions` (`user`);--> statement-breakpoint
CREATE TABLE `social_growth_logs` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`artist` text NOT NULL,
	`platform` text NOT NULL,
	`follower_count` integer NOT NULL,
	`engagement_rate` real,
	`capture_date` text NOT NULL,
	`captured_by` text NOT NULL,
	FOREIGN KEY (`artist`) REFERENCES `artists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`captured_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `social_growth_logs_by_artist_capture_date` ON `social_growth_logs` (`artist`,`capture_date`);--> statement-breakpoint
CREATE TABLE `talent_profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`stage_name` text NOT NULL,
	`full_name` text NOT NULL,
	`talent_type` text NOT NULL,
	`portfolio_url` text,
	`headshot_url` text,
	`availability_status` text NOT NULL,
	`manager` text NOT NULL,
	`notes` text,
	`archived_at` text,
	FOREIGN KEY (`manager`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `talent_profiles_by_updated_at_id` ON `talent_profiles` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `talent_profiles_by_manager_updated_at_id` ON `talent_profiles` (`manager`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `talent_profiles_by_availability_status` ON `talent_profiles` (`availability_status`);--> statement-breakpoint
CREATE INDEX `talent_profiles_by_talent_type` ON `talent_profiles` (`talent_type`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`username` text NOT NULL,
	`username_key` text NOT NULL,
	`email` text NOT NULL,
	`email_key` text NOT NULL,
	`full_name` text NOT NULL,
	`role` text NOT NULL,
	`manager` text,
	`active` integer DEFAULT true NOT NULL,
	`password_hash` text NOT NULL,
	FOREIGN KEY (`manager`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_by_username_key` ON `users` (`username_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_by_email_key` ON `users` (`email_key`);--> statement-breakpoint
CREATE INDEX `users_by_manager` ON `users` (`manager`);