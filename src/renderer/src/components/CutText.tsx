import { Box } from '@mui/material';

/**
 * A grid cell's text that may not fit its column (a long address, an artist's name): ended with
 * "…" when cut, and whole on hover.
 */
export function CutText({ text }: { text: string }) {
  return (
    <Box
      component="span"
      title={text}
      sx={{
        display: 'block',
        minWidth: 0,
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
      }}
    >
      {text}
    </Box>
  );
}
