/**
 * Art. 58 al. 1 2° (proximity): the distance between two municipalities when the landlord supplies
 * none (note `distance-municipality-centroids`). The law names no method; Esch-sur-Alzette's
 * commission reads road distances on distance.geoportal.lu. Without such a table the platform uses
 * the great-circle distance between the municipalities' reference points (coordinates recorded by
 * the operator), rounded to 0.1 km; every distance a shortlist used is written in its decision record. A municipality
 * without coordinates has no distance: its candidates get no proximity points rather than a guess.
 */
import type { MunicipalityId } from "./household.js";
import type { DistanceFn } from "./priority.js";

/** The method's name (note `distance-municipality-centroids`). */
export const DISTANCE_METHOD = "GREAT_CIRCLE_MUNICIPALITY_CENTROIDS" as const;

const EARTH_RADIUS_KM = 6371;

/** Great-circle (haversine) distances in km, to 0.1 km, between the municipalities given with their latitude and longitude in degrees. */
export function centroidDistances(points: readonly { id: MunicipalityId; latitude: number; longitude: number }[]): DistanceFn {
  const at = new Map(points.map((m) => [m.id, [m.latitude, m.longitude] as const]));
  return (a, b) => {
    const p = at.get(a);
    const q = at.get(b);
    if (!p || !q) return undefined;
    const rad = Math.PI / 180;
    const h = Math.sin(((q[0] - p[0]) * rad) / 2) ** 2 + Math.cos(p[0] * rad) * Math.cos(q[0] * rad) * Math.sin(((q[1] - p[1]) * rad) / 2) ** 2;
    return Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h)) * 10) / 10;
  };
}
