CREATE TABLE `demo_scores` (
	`demo` text NOT NULL,
	`reviewer` text NOT NULL,
	`score` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`demo`, `reviewer`),
	FOREIGN KEY (`demo`) REFERENCES `demos`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "demo_scores_score_range" CHECK("demo_scores"."score" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE `today_marks` ADD `reminded_at` text;