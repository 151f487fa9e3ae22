import ComputerIcon from '@mui/icons-material/Computer';
import GroupsIcon from '@mui/icons-material/Groups';
import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { AuthLayout } from '../session/AuthLayout';
import { JoinTeamDialog } from './JoinTeamDialog';

/** First run of the desktop app: its own workspace, or a team workspace on another computer. */
export function WorkstationChoice({ onChosen }: { onChosen: () => void }) {
  const { t } = useTranslation();
  const [joining, setJoining] = useState(false);
  return (
    <AuthLayout title={t('workstation.chooseTitle')} intro={t('workstation.chooseIntro')}>
      <Stack spacing={2}>
        <Button
          variant="contained"
          size="large"
          startIcon={<ComputerIcon />}
          onClick={() => void call('workstation.useThisComputer', {}).then(onChosen)}
        >
          {t('workstation.useThisComputer')}
        </Button>
        <Button
          variant="outlined"
          size="large"
          startIcon={<GroupsIcon />}
          onClick={() => setJoining(true)}
        >
          {t('workstation.joinTeam')}
        </Button>
      </Stack>
      {joining && <JoinTeamDialog onClose={() => setJoining(false)} />}
    </AuthLayout>
  );
}
