CREATE TABLE `media_analysis` (
	`media` text PRIMARY KEY NOT NULL,
	`analyzed_at` text NOT NULL,
	`peaks` text,
	`duration_seconds` real,
	`sample_rate` integer,
	`loudness_lufs` real,
	`error` text,
	FOREIGN KEY (`media`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE no action
);
