ALTER TABLE `contracts` ADD `document_source` text;--> statement-breakpoint
-- Documents stored before this version: the audit row that last set the document says who made
-- it (the app's export, or a person's upload); a document with no such row (sample data) is a
-- signed copy, as it always was.
UPDATE `contracts` SET `document_source` = CASE (
  SELECT a.`action` FROM `audit_log` a
  WHERE a.`entity` = 'contracts' AND a.`entity_id` = `contracts`.`id`
    AND a.`action` IN ('contracts.exportDocument', 'contracts.attachDocument')
    AND json_extract(a.`changes`, '$.documentUrl') IS NOT NULL
  ORDER BY a.`at` DESC, a.`rowid` DESC LIMIT 1
) WHEN 'contracts.exportDocument' THEN 'generated' ELSE 'signed' END
WHERE `document_url` IS NOT NULL;
