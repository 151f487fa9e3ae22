CREATE TABLE `import_links` (
	`source_class` text NOT NULL,
	`object_id` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`imported_at` text NOT NULL,
	PRIMARY KEY(`source_class`, `object_id`)
);
