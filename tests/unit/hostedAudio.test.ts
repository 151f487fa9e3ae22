import { describe, expect, it } from 'vitest';
import { recordingKey } from '../../src/main/services/label/demos/hostedAudio';

describe('recordingKey', () => {
  it.each([
    [
      'https://parsefiles.back4app.com/app/0123456789abcdef0123456789abcdef_night-drive.wav',
      'night-drive.wav',
    ],
    [
      'https://files.example/app/tfss-0a1b2c3d-0000-4000-8000-1234567890ab-Sunrise%20Mix.wav',
      'sunrise mix.wav',
    ],
    ['https://files.example/a/b/夜行者%E3%83%87%E3%83%A2.mp3?token=x#t=3', '夜行者デモ.mp3'],
    ['https://files.example/broken%E0%A4%A.wav', 'broken%e0%a4%a.wav'],
    ['Night-Drive.WAV', 'night-drive.wav'],
    ['ｎｉｇｈｔ.wav', 'night.wav'],
    ['0123456789abcdef0123456789abcdef_take.wav', 'take.wav'],
    ['0123456789abcdef_take.wav', '0123456789abcdef_take.wav'],
  ])('%s → %s', (input, key) => {
    expect(recordingKey(input)).toBe(key);
  });
});
