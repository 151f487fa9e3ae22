ALTER TABLE `import_links` ADD `source_updated_at` text;--> statement-breakpoint
ALTER TABLE `import_links` ADD `entity_version` integer;--> statement-breakpoint
-- Links from before were all rows the import created, at version 1: a higher version since means
-- changed in Greenroom. When Parse last changed them is not known: a later import compares values.
UPDATE `import_links` SET `entity_version` = 1;
