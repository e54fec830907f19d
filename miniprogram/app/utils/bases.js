// Texts and map markers for the 科普基地 pages, from the server's BaseView.

const { distanceText } = require('./location');

const TYPES = [
  { value: '', label: '全部' },
  { value: 'EDUCATION', label: '科普教育基地' },
  { value: 'TOURISM_EDUCATION', label: '科普旅游教育基地' },
  { value: 'DEMONSTRATION', label: '科普示范基地' },
];

function baseView(b) {
  return Object.assign({}, b, {
    latitude: Number(b.latitude),
    longitude: Number(b.longitude),
    distanceText: distanceText(b.distanceMeters),
    accreditedText: [b.accreditedOn ? `${b.accreditedOn.slice(0, 4)}年` : '', b.accreditedBy ? `${b.accreditedBy}认定` : '']
      .filter(Boolean)
      .join(' · '),
  });
}

/** <map> markers: one per base, its name shown on tap; marker ids are the bases' ids. */
function markersOf(items) {
  return items.map((b) => ({
    id: b.id,
    latitude: b.latitude,
    longitude: b.longitude,
    title: b.name,
    width: 30,
    height: 30,
    callout: { content: b.name, display: 'BYCLICK', fontSize: 16, padding: 8, borderRadius: 6 },
  }));
}

/** Where the map opens: the resident when known, else the first base, else the district (云溪区). */
function mapCenter(where, items) {
  if (where) return { latitude: where.latitude, longitude: where.longitude };
  if (items.length) return { latitude: items[0].latitude, longitude: items[0].longitude };
  return { latitude: 29.4737, longitude: 113.2729 };
}

module.exports = { TYPES, baseView, markersOf, mapCenter };
