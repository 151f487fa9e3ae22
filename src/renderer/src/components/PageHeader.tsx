import { Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { Action, Entity } from '../../../shared/access';
import { PermittedButton } from './PermittedButton';

interface PrimaryAction {
  readonly label: string;
  readonly icon: ReactNode;
  readonly needs: { readonly entity: Entity; readonly action: Action };
  readonly onClick: () => void;
}

/**
 * A screen's title (its one h1), secondary actions (export, import) and its primary action,
 * which the access table may disable.
 */
export function PageHeader({
  title,
  action,
  extra,
}: {
  title: string;
  action?: PrimaryAction;
  extra?: ReactNode;
}) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
      <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
        {title}
      </Typography>
      {extra}
      {action && (
        <PermittedButton
          needs={action.needs}
          variant="contained"
          startIcon={action.icon}
          onClick={action.onClick}
        >
          {action.label}
        </PermittedButton>
      )}
    </Stack>
  );
}
