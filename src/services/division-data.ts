/**
 * Reads the shipped NBS division tables (data/divisions/*.csv) for one county: its name, province and city
 * names, and its townships. The files are small (≈2 MB) and read once per call.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const DATA_DIR = fileURLToPath(new URL('../../data/divisions/', import.meta.url));

/** A county and its townships as the statistics bureau lists them. */
export interface CountyDivisions {
  code: string;
  name: string;
  provinceName: string;
  cityName: string;
  townships: Array<{ code: string; name: string }>;
}

/** Parses the simple CSV of these files: first line is the header, names are quoted, no embedded commas. */
async function readTable(file: string): Promise<string[][]> {
  const text = await readFile(`${DATA_DIR}${file}`, 'utf8');
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, '')));
}

/** The county with this 6-digit code, or null when the statistics bureau has no such county. */
export async function readCountyDivisions(countyCode: string): Promise<CountyDivisions | null> {
  const areas = await readTable('areas.csv');
  const area = areas.find((row) => row[0] === countyCode);
  if (!area) return null;
  const [provinces, cities, streets] = await Promise.all(['provinces.csv', 'cities.csv', 'streets.csv'].map(readTable));
  return {
    code: countyCode,
    name: area[1] ?? '',
    cityName: cities?.find((row) => row[0] === area[2])?.[1] ?? '',
    provinceName: provinces?.find((row) => row[0] === area[3])?.[1] ?? '',
    townships: (streets ?? [])
      .filter((row) => row[2] === countyCode)
      .map((row) => ({ code: row[0] ?? '', name: row[1] ?? '' })),
  };
}

/** Every county code in the shipped data (for validating a county code). */
export async function listCountyCodes(): Promise<Set<string>> {
  return new Set((await readTable('areas.csv')).map((row) => row[0] ?? ''));
}
