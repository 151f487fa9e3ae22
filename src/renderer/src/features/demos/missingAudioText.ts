import { audioStayedHosted, type Demo } from '../../../../shared/domain/demo';

/**
 * The words for a demo without playable audio, one choice for the queue, the player and the
 * button: its stored file went missing (relink the same recording), or its audio stayed on the
 * hosted app it was brought over from (add the recording).
 */
export function missingAudioText(demo: Pick<Demo, 'audioUrl'>) {
  return audioStayedHosted(demo)
    ? ({ chip: 'demos.hosted', hint: 'demos.hostedHint', action: 'demos.addRecording' } as const)
    : ({ chip: 'demos.missing', hint: 'demos.missingHint', action: 'demos.relink' } as const);
}
