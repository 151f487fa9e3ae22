DROP INDEX `artists_by_priority_score_id`;--> statement-breakpoint
CREATE INDEX `artists_by_priority` ON `artists` (coalesce(`priority_score`, -1),`id`);--> statement-breakpoint
CREATE INDEX `contracts_by_updated_at_id` ON `contracts` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `contracts_by_status_expiry_date_id` ON `contracts` (`status`,`expiry_date`,`id`);