import SearchIcon from '@mui/icons-material/Search';
import {
  Box,
  Dialog,
  InputAdornment,
  List,
  ListItemButton,
  ListItemText,
  ListSubheader,
  TextField,
  Typography,
} from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { can, type Action, type Entity } from '../../../../shared/access';
import type { SearchHit } from '../../../../shared/domain/search';
import { call } from '../../api/client';
import { recordPath } from '../../components/recordLinks';
import { useCurrentUser } from '../session';

interface Item {
  readonly key: string;
  readonly group: string;
  readonly primary: string;
  readonly secondary?: string;
  readonly disabled?: boolean;
  readonly run?: () => void;
}

interface PaletteAction {
  readonly labelKey: string;
  readonly path: string;
  readonly needs: { entity: Entity; action: Action };
}

const ACTIONS: readonly PaletteAction[] = [
  {
    labelKey: 'palette.newTalent',
    path: '/talents?new=1',
    needs: { entity: 'talents', action: 'create' },
  },
  {
    labelKey: 'palette.newBooking',
    path: '/bookings?new=1',
    needs: { entity: 'bookings', action: 'create' },
  },
  {
    labelKey: 'palette.newAudition',
    path: '/auditions?new=1',
    needs: { entity: 'auditions', action: 'create' },
  },
  {
    labelKey: 'palette.importDemos',
    path: '/demos?new=1',
    needs: { entity: 'demos', action: 'create' },
  },
  {
    labelKey: 'palette.newArtist',
    path: '/artists?new=1',
    needs: { entity: 'artists', action: 'create' },
  },
  {
    labelKey: 'palette.newContract',
    path: '/contracts?new=1',
    needs: { entity: 'contracts', action: 'create' },
  },
  {
    labelKey: 'palette.goCalendar',
    path: '/schedule',
    needs: { entity: 'schedule', action: 'read' },
  },
];

/**
 * Where a search hit opens: the record itself at its own link (a booking opens the booking, not
 * its talent); a kind with no page of its own (a review note) opens the artist it is about.
 */
function pathOf(hit: SearchHit): string | null {
  return (
    recordPath(hit.kind, hit.id) ??
    (hit.artist ? recordPath('artists', hit.artist) : null) ??
    (hit.talentProfile ? recordPath('talents', hit.talentProfile) : null)
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Ctrl/Cmd+K: one box for every record the user may see, and the common actions. */
/**
 * Whether a term is worth a search: two characters or more, or one Chinese, Japanese or Korean
 * character (a given name such as 雨 is one; the character index answers it). One Latin letter
 * finds too much to be useful.
 */
function searchable(q: string): boolean {
  const characters = [...q];
  return (
    characters.length >= 2 ||
    (characters.length === 1 &&
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(q))
  );
}

export function CommandPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim(), 120);
  const results = useQuery({
    queryKey: ['search', q],
    queryFn: () => call('search.query', { q, limit: 5 }),
    enabled: open && searchable(q),
    placeholderData: keepPreviousData,
  });

  const go = (path: string) => {
    onClose();
    setText('');
    void navigate(path);
  };

  const items = useMemo<Item[]>(() => {
    const needle = text.trim().toLowerCase();
    const actions = ACTIONS.filter((a) => can(user.role, a.needs.entity, a.needs.action))
      .filter((a) => !needle || t(a.labelKey).toLowerCase().includes(needle))
      .map((a) => ({
        key: `action:${a.path}`,
        group: t('palette.actions'),
        primary: t(a.labelKey),
        run: () => go(a.path),
      }));
    const hits = searchable(q)
      ? (results.data?.groups ?? []).flatMap((group) =>
          group.items.map((hit) => {
            const path = pathOf(hit);
            return {
              key: `${hit.kind}:${hit.id}`,
              group: t(`palette.kinds.${group.kind}`),
              primary: hit.title || hit.detail,
              secondary: path ? (hit.title ? hit.detail : undefined) : t('palette.labelDeskSoon'),
              disabled: !path,
              ...(path ? { run: () => go(path) } : {}),
            };
          }),
        )
      : [];
    return [...hits, ...actions];
    // go is stable enough for a render; recomputed with the results.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, q, results.data, user.role, t]);

  useEffect(() => setActive(0), [items.length, q]);
  const enabled = items.filter((item) => !item.disabled);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, enabled.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      enabled[active]?.run?.();
    }
  };

  let lastGroup = '';
  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-label={t('palette.open')}
      slotProps={{ paper: { sx: { position: 'fixed', top: 80, m: 0 } } }}
    >
      <Box sx={{ p: 1.5 }}>
        <TextField
          autoFocus
          fullWidth
          value={text}
          placeholder={t('palette.placeholder')}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          slotProps={{
            htmlInput: {
              'aria-label': t('common.search'),
              role: 'combobox',
              'aria-expanded': true,
              'aria-controls': 'palette-results',
              maxLength: 200,
            },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon />
                </InputAdornment>
              ),
            },
          }}
        />
      </Box>
      <List
        id="palette-results"
        role="listbox"
        dense
        sx={{ maxHeight: 420, overflowY: 'auto', pt: 0 }}
      >
        {items.map((item) => {
          const header =
            item.group !== lastGroup ? (
              <ListSubheader key={`h:${item.group}`}>{item.group}</ListSubheader>
            ) : null;
          lastGroup = item.group;
          const index = enabled.indexOf(item);
          return [
            header,
            <ListItemButton
              key={item.key}
              role="option"
              aria-selected={index === active}
              selected={index === active}
              disabled={item.disabled}
              onMouseEnter={() => index >= 0 && setActive(index)}
              onClick={() => item.run?.()}
            >
              <ListItemText primary={item.primary} secondary={item.secondary} />
            </ListItemButton>,
          ];
        })}
      </List>
      {q && results.data && results.data.groups.length === 0 && (
        <Typography color="text.secondary" sx={{ px: 3, pb: 1 }}>
          {t('palette.noResults', { q })}
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary" sx={{ px: 3, pb: 1.5 }}>
        {t('palette.hint')}
      </Typography>
    </Dialog>
  );
}
