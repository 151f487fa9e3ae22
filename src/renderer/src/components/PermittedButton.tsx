import { Button, Tooltip, type ButtonProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { can, type Action, type Entity } from '../../../shared/access';
import { useCurrentUser } from '../features/session';

type Props = ButtonProps & { readonly needs: { readonly entity: Entity; readonly action: Action } };

/**
 * A button that the access table may disable, with a tooltip saying why. Convenience only:
 * main refuses the call regardless.
 */
export function PermittedButton({ needs, ...button }: Props) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (can(user.role, needs.entity, needs.action)) return <Button {...button} />;
  return (
    <Tooltip title={t('denied.role', { role: t(`roles.${user.role}`) })}>
      {/* A disabled button fires no events: the span carries the tooltip. */}
      <span>
        <Button {...button} disabled />
      </span>
    </Tooltip>
  );
}
