export { ArtistPage } from './ArtistPage';
export { ArtistsPage } from './ArtistsPage';
