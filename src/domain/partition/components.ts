/** Connected pieces of a grid in the node graph: the contiguity rule's measure. */

/** The grid's nodes grouped into connected pieces, each ascending, pieces ordered by their first node. */
export function gridComponents(grid: readonly number[], neighbours: readonly (readonly number[])[]): number[][] {
  const inGrid = new Set(grid);
  const seen = new Set<number>();
  const pieces: number[][] = [];
  for (const start of [...grid].sort((a, b) => a - b)) {
    if (seen.has(start)) continue;
    seen.add(start);
    const piece = [start];
    for (let k = 0; k < piece.length; k++) {
      for (const next of neighbours[piece[k]!] ?? []) {
        if (inGrid.has(next) && !seen.has(next)) {
          seen.add(next);
          piece.push(next);
        }
      }
    }
    pieces.push(piece.sort((a, b) => a - b));
  }
  return pieces;
}

/** Number of connected pieces of a set of nodes given as a bit mask, with neighbours as bit masks. */
export function maskComponents(mask: number, adjacency: Int32Array): number {
  let left = mask;
  let count = 0;
  while (left !== 0) {
    let frontier = left & -left;
    let piece = frontier;
    while (frontier !== 0) {
      const bit = frontier & -frontier;
      frontier ^= bit;
      const grown = adjacency[31 - Math.clz32(bit)]! & left & ~piece;
      piece |= grown;
      frontier |= grown;
    }
    left &= ~piece;
    count++;
  }
  return count;
}
