import { joinEntryPath } from './entry-path.js';
import type { LayerChanges } from './layer-reader.js';
import { MAX_FILE_VERSIONS, type MergedTree } from './merged-tree.js';
import type { ProblemLog } from './problem-log.js';

/**
 * Apply one layer on top of the tree: first what it deletes from the lower layers (whiteouts,
 * opaque directories), then its entries in tar order, so a later entry for a path wins.
 */
export function applyLayer(tree: MergedTree, changes: LayerChanges, layer: number, label: string, problems: ProblemLog): void {
  for (const parts of changes.whiteouts) tree.remove(parts);
  for (const parts of changes.opaques) tree.makeOpaque(parts, layer);
  for (const entry of changes.entries) {
    switch (entry.kind) {
      case 'dir':
        tree.addDirectory(entry.parts, layer);
        break;
      case 'file':
        tree.addFile(entry.parts, layer, entry.size, entry.content);
        break;
      case 'symlink':
        tree.addSymlink(entry.parts, layer, entry.target);
        break;
      case 'other':
        tree.remove(entry.parts);
        break;
      case 'hardlink': {
        const path = joinEntryPath(entry.parts);
        const outcome = tree.addHardlink(entry.parts, layer, entry.targetParts, entry.target);
        if (outcome !== 'linked') {
          const why = outcome === 'missing-target' ? 'is not in the image' : 'is a directory';
          problems.add({ code: 'image-hardlink-target', level: 'warn', file: path, message: `${label}: hardlink ${path} points at "${entry.target}", which ${why}; it was skipped` });
        } else if (entry.isWanted && tree.read(entry.parts) === undefined && tree.stat(entry.parts)?.kind === 'hardlink') {
          problems.add({
            code: 'image-hardlink-content',
            level: 'info',
            file: path,
            message: `${label}: hardlink ${path} shares the content of "${entry.target}", which was not kept (it was not wanted or too large)`,
          });
        }
        break;
      }
    }
  }
  for (const dropped of tree.takeDroppedVersions()) {
    problems.add({
      code: 'image-file-version-dropped',
      level: 'info',
      file: dropped.path,
      message: `${label}: ${dropped.path} was written by more than ${MAX_FILE_VERSIONS} layers; the version layer ${dropped.layer} left was dropped (the first and the ${MAX_FILE_VERSIONS - 1} most recent are kept)`,
    });
  }
}
