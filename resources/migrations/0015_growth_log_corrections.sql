ALTER TABLE `social_growth_logs` ADD `replaces` text REFERENCES social_growth_logs(id);--> statement-breakpoint
CREATE INDEX `social_growth_logs_by_replaces` ON `social_growth_logs` (`replaces`);