import { Paper, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';

/** A titled, explained section of the Settings screen: a landmark named by its heading. */
export function SettingsSection({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Paper
      variant="outlined"
      sx={{ p: 3, maxWidth: 880 }}
      component="section"
      aria-labelledby={titleId}
    >
      <Typography id={titleId} variant="h6" component="h2">
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {intro}
      </Typography>
      {children}
    </Paper>
  );
}
