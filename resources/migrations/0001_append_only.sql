-- Audit rows, review notes and growth logs are append-only: a correction is a new row.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER review_notes_no_update BEFORE UPDATE ON review_notes
BEGIN SELECT RAISE(ABORT, 'review_notes is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER review_notes_no_delete BEFORE DELETE ON review_notes
BEGIN SELECT RAISE(ABORT, 'review_notes is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER social_growth_logs_no_update BEFORE UPDATE ON social_growth_logs
BEGIN SELECT RAISE(ABORT, 'social_growth_logs is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER social_growth_logs_no_delete BEFORE DELETE ON social_growth_logs
BEGIN SELECT RAISE(ABORT, 'social_growth_logs is append-only'); END;
