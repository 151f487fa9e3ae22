/** Sample names: mostly English, some Chinese, so both scripts show up in lists and search. */
export const FIRST_NAMES = [
  'Ava', 'Liam', 'Maya', 'Noah', 'Zoe', 'Ethan', 'Isla', 'Lucas', 'Nora', 'Mateo', 'Chloe', 'Leo',
  'Amara', 'Kai', 'Sofia', 'Jonah', 'Priya', 'Diego', 'Hana', 'Felix', 'Aisha', 'Omar', 'Elena', 'Ravi',
  'Greta', 'Tomás', 'Ingrid', 'Malik', 'Yuki', 'Chiara', 'Bruno', 'Leila', 'Sven', 'Nadia', 'Jasper', 'Freya',
];
export const LAST_NAMES = [
  'Hart', 'Okafor', 'Lindqvist', 'Moreau', 'Castillo', 'Nakamura', 'Bianchi', 'Reyes', 'Kowalski', 'Haddad',
  'Fischer', 'Santos', 'Novak', 'Adeyemi', 'Larsen', 'Duarte', 'Petrov', 'Ibrahim', 'Walsh', 'Costa',
  'Müller', 'Ngata', 'Oyelaran', 'Vasquez', 'Brennan', 'Sato', 'Quinn', 'Delacroix', 'Abara', 'Halvorsen',
];
export const CHINESE_NAMES = [
  '王思远', '李嘉欣', '张子涵', '刘雨桐', '陈一鸣', '杨梓萱', '赵浩然', '黄诗琪', '周杰明', '吴欣怡',
  '徐子墨', '孙佳怡', '马俊杰', '朱晓彤', '胡宇轩', '郭雅婷', '林书豪', '何静怡', '高天宇', '罗美琳',
];
export const STAGE_WORDS = [
  'Nova', 'Echo', 'Velvet', 'Juno', 'Indigo', 'Blaze', 'Lumen', 'Sable', 'Aurora', 'Onyx', 'Wren', 'Cypress',
  'Marlowe', 'Sierra', 'Atlas', 'Roux', 'Vesper', 'Halo', 'Ember', 'Orion',
];
export const CLIENTS = [
  'Northwind Studios', 'Bluebird Media', 'Atlas Pictures', 'Lumière Films', 'Greenlight Ads', 'Harbor Theatre',
  'Pixel & Pine', 'Crescent Records', 'Maple Street Casting', 'Silverline TV', '星光影业', '长城传媒', 'Vogue Atelier',
  'Riverside Opera', 'Brightside Agency',
];
export const PROJECTS = [
  'Summer Campaign', 'The Long Night', 'City Lights', 'Spring Collection', 'Pilot Episode', 'Holiday Spot',
  'Feature: Northbound', 'Music Video', 'Stage Revival', 'Brand Film', '春节特辑', '都市剧第二季', 'Catalogue Shoot',
  'Podcast Launch', 'Audiobook: Tides',
];
export const GENRES = ['indie pop', 'hip hop', 'R&B', 'electronic', 'folk', 'rock', 'jazz', 'C-pop', 'afrobeats', 'ambient', 'metal', 'soul'];
export const ARTIST_WORDS = [
  'The Midnight', 'Paper', 'Glass', 'Neon', 'Static', 'Golden', 'Hollow', 'Silver', 'Wild', 'Quiet', 'Electric', 'Velvet',
];
export const ARTIST_NOUNS = ['Tides', 'Foxes', 'Harbor', 'Echoes', 'Satellites', 'Orchard', 'Parade', 'Lanterns', 'Rivers', 'Comets'];
export const CHINESE_ARTISTS = ['夜行者', '白日梦乐队', '南方有雨', '星河', '青鸟', '回声计划'];
export const DEMO_TITLES = [
  'First Light', 'Undertow', 'Paper Planes', 'Late Train', 'Northern Skies', 'Slow Burn', 'Ghost Notes', 'Gold Rush',
  'Open Water', 'Neon Rain', '夏夜', '远方', 'Static Heart', 'Runaway', 'Blue Hour',
];
export const TIMEZONES = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin', 'Asia/Shanghai', 'Asia/Tokyo', 'Australia/Sydney'];
export const LOCATIONS = ['Studio A, 12 Mercer St', 'Zoom', 'Stage 4, Pinewood', 'Self tape', '上海市静安区南京西路 1266 号', 'Rehearsal Room 2'];
