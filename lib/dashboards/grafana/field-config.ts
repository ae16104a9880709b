import type { FieldConfig, FieldSettings, Override, Reducer, Thresholds } from "../schema";
import { convertColor } from "./colors";
import type { JsonObject } from "./detect";
import { field, readArray, readBoolean, readNumber, readObject, readObjects, readString } from "./read";
import { convertUnit } from "./units";

/** Collects why a panel or variable was only partly converted; every reason ends up in the report. */
export class Notes {
  readonly reasons: string[] = [];

  add(reason: string | undefined): void {
    if (reason && !this.reasons.includes(reason)) this.reasons.push(reason);
  }
}

const REDUCERS: Record<string, Reducer> = {
  last: "last",
  lastNotNull: "lastNotNull",
  first: "first",
  firstNotNull: "first",
  mean: "mean",
  avg: "mean",
  min: "min",
  max: "max",
  sum: "sum",
  total: "sum",
  count: "count",
  current: "lastNotNull",
};

/** A Grafana reducer id ("calcs") as ours; one with no equivalent falls back to lastNotNull with a reason. */
export function convertReducer(id: string | undefined, notes: Notes, fallback: Reducer = "lastNotNull"): Reducer {
  if (id === undefined || id === "") return fallback;
  const reducer = REDUCERS[id];
  if (reducer) return reducer;
  notes.add(`calculation "${id}" is not supported; shows ${fallback} instead`);
  return fallback;
}

/** Grafana threshold steps ({value, color}) as ours; colours we cannot read are reported and skipped. */
export function convertThresholds(value: unknown, notes: Notes): Thresholds | undefined {
  const object = readObject(value);
  if (!object) return undefined;
  const steps = readObjects(field(object, "steps")).flatMap((step, index) => {
    const color = convertColor(readString(step.color));
    if (!color) {
      notes.add(`threshold colour "${String(step.color)}" is not a colour Vigil reads; that step is dropped`);
      return [];
    }
    const number = readNumber(step.value);
    // The base step is null in JSON; older exports write -Infinity as null too, and some put a number on the first step.
    return [{ value: index === 0 && number === undefined ? null : (number ?? null), color }];
  });
  if (steps.length === 0) return undefined;
  const mode = readString(object.mode) === "percentage" ? "percentage" : "absolute";
  const [first, ...rest] = steps;
  if (!first) return undefined;
  return { mode, steps: [{ ...first, value: null }, ...rest.filter((step) => step.value !== null)] };
}

/** Grafana properties we ignore silently: purely how Grafana draws, nothing a reader would miss. */
const COSMETIC_PROPERTY = /^(custom\.(?!hideFrom)|links$|noValue$|filterable$|color\.mode$|nullValueMode$|fieldMinMax$|writeable$|path$|interval$|description$)/;

function applyProperty(settings: FieldSettings, id: string, value: unknown, notes: Notes): void {
  switch (id) {
    case "unit": {
      const { unit, reason } = convertUnit(readString(value));
      notes.add(reason);
      if (unit) settings.unit = unit;
      return;
    }
    case "decimals": {
      const decimals = readNumber(value);
      if (decimals !== undefined) settings.decimals = Math.max(0, Math.min(10, Math.round(decimals)));
      return;
    }
    case "min":
    case "max": {
      const number = readNumber(value);
      if (number !== undefined) settings[id] = number;
      return;
    }
    case "thresholds": {
      const thresholds = convertThresholds(value, notes);
      if (thresholds) settings.thresholds = thresholds;
      return;
    }
    case "color": {
      const color = readObject(value);
      const fixed = convertColor(readString(field(color, "fixedColor")));
      if (readString(field(color, "mode")) === "fixed" && fixed) settings.color = fixed;
      else if (readString(field(color, "mode")) === "fixed") notes.add("a fixed colour could not be read");
      return;
    }
    case "displayName":
    case "displayNameFromDS": {
      const name = readString(value);
      if (name) settings.displayName = name.slice(0, 200);
      return;
    }
    case "custom.hideFrom": {
      if (readBoolean(field(readObject(value), "viz")) === true) settings.hidden = true;
      return;
    }
    case "mappings":
      if (readArray(value).length > 0) notes.add("value mappings are not supported; raw values are shown");
      return;
    default:
      if (!COSMETIC_PROPERTY.test(id)) notes.add(`field setting "${id}" is not supported`);
  }
}

/** The settings Grafana keeps in fieldConfig.defaults (or options.fieldOptions.defaults in Grafana 6). */
export function convertFieldSettings(defaults: JsonObject | undefined, notes: Notes): FieldSettings {
  const settings: FieldSettings = {};
  if (!defaults) return settings;
  for (const [key, value] of Object.entries(defaults)) {
    if (value === null || value === undefined) continue;
    if (key === "custom") {
      applyProperty(settings, "custom.hideFrom", field(readObject(value), "hideFrom"), notes);
      continue;
    }
    if (key === "title") {
      applyProperty(settings, "displayName", value, notes);
      continue;
    }
    applyProperty(settings, key, value, notes);
  }
  return settings;
}

/** Overrides matched by name or regex convert; other matchers (by type, by query) are reported. */
export function convertOverrides(value: unknown, notes: Notes): Override[] {
  return readObjects(value).flatMap((override) => {
    const matcher = readObject(override.matcher);
    const id = readString(field(matcher, "id"));
    const options = readString(field(matcher, "options"));
    if ((id !== "byName" && id !== "byRegexp") || !options) {
      notes.add(`series override matched ${id ? `"${id}"` : "by an unknown matcher"} is not supported`);
      return [];
    }
    const properties: FieldSettings = {};
    for (const property of readObjects(override.properties)) {
      const propertyId = readString(property.id);
      if (propertyId) applyProperty(properties, propertyId, property.value, notes);
    }
    if (Object.keys(properties).length === 0) return [];
    return [{ matcher: { type: id, value: options }, properties }];
  });
}

/** A panel's fieldConfig; Grafana 6 panels keep the same thing under options.fieldOptions. */
export function convertFieldConfig(panel: JsonObject, notes: Notes): FieldConfig {
  const fieldConfig = readObject(panel.fieldConfig) ?? readObject(field(readObject(panel.options), "fieldOptions"));
  return {
    defaults: convertFieldSettings(readObject(field(fieldConfig, "defaults")), notes),
    overrides: convertOverrides(field(fieldConfig, "overrides"), notes),
  };
}
