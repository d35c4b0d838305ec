/**
 * Choropleth of the 12 provinces (CBS boundaries via PDOK) drawn with Plot's geo mark, with the value
 * as a label on each province and an SVG <title> per province for screen readers and the tests.
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {formatCount} from "./format.js";

export interface ProvinceValue {
  code: string;
  name: string;
  value: number;
}

export interface ProvinceMapOptions {
  width: number;
  /** Legend label: what the colour counts. */
  label: string;
  caption: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Geometry = {type: "FeatureCollection"; features: {id: string; properties: {code: string; name: string}; geometry: any}[]};

export function provinceMap(geometry: Geometry, values: readonly ProvinceValue[], {width, label, caption}: ProvinceMapOptions): Element {
  const byCode = new Map(values.map((v) => [v.code, v]));
  const features = geometry.features.map((f) => ({...f, value: byCode.get(f.id)?.value ?? null}));
  const w = Math.min(width, 640);
  const title = (f: (typeof features)[number]) => `${f.properties.name}: ${formatCount(f.value)} plekken`;
  return plotChart({
    width: w,
    height: Math.round(w * 1.1),
    caption,
    projection: {type: "mercator", domain: geometry as never, inset: 6},
    color: {type: "linear", scheme: "oranges", legend: true, label, tickFormat: (d: number) => formatCount(d), zero: true},
    marks: [
      Plot.geo(features, {fill: (f: (typeof features)[number]) => f.value, stroke: "white", strokeWidth: 1, title}),
      Plot.text(
        features,
        Plot.centroid({
          text: (f: (typeof features)[number]) => (w < 420 ? formatCount(Math.round((f.value ?? 0) / 100) * 100) : `${f.properties.name}\n${formatCount(f.value)}`),
          fontSize: w < 420 ? 9 : 10,
          stroke: "white",
          strokeWidth: 3,
          fill: "#111"
        })
      )
    ]
  }) as unknown as Element;
}
