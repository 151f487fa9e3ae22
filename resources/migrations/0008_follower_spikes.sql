ALTER TABLE `artists` ADD `follower_spike_date` text;--> statement-breakpoint
ALTER TABLE `artists` ADD `follower_spike_platform` text;