/**
 * The CVSS vectors GitLab's 15.x schema accepts: version 2 vectors and `CVSS:3.0`/`CVSS:3.1` ones,
 * with only the metrics and values those versions define. A vector outside that (CVSS 4.0, a typo in
 * a database) is left out of `cvss_vectors` so the report stays valid; the severity still uses it.
 */
const V2_METRICS: Readonly<Record<string, readonly string[]>> = {
  AV: ['N', 'A', 'L'], AC: ['L', 'M', 'H'], Au: ['M', 'S', 'N'], C: ['N', 'P', 'C'], I: ['N', 'P', 'C'], A: ['N', 'P', 'C'],
  E: ['U', 'POC', 'F', 'H', 'ND'], RL: ['OF', 'TF', 'W', 'U', 'ND'], RC: ['UC', 'UR', 'C', 'ND'],
  CDP: ['N', 'L', 'LM', 'MH', 'H', 'ND'], TD: ['N', 'L', 'M', 'H', 'ND'], CR: ['L', 'M', 'H', 'ND'], IR: ['L', 'M', 'H', 'ND'], AR: ['L', 'M', 'H', 'ND'],
};

const V3_METRICS: Readonly<Record<string, readonly string[]>> = {
  AV: ['N', 'A', 'L', 'P'], AC: ['L', 'H'], PR: ['N', 'L', 'H'], UI: ['N', 'R'], S: ['U', 'C'], C: ['N', 'L', 'H'], I: ['N', 'L', 'H'], A: ['N', 'L', 'H'],
  E: ['X', 'U', 'P', 'F', 'H'], RL: ['X', 'O', 'T', 'W', 'U'], RC: ['X', 'U', 'R', 'C'], CR: ['X', 'L', 'M', 'H'], IR: ['X', 'L', 'M', 'H'], AR: ['X', 'L', 'M', 'H'],
  MAV: ['X', 'N', 'A', 'L', 'P'], MAC: ['X', 'L', 'H'], MPR: ['X', 'N', 'L', 'H'], MUI: ['X', 'N', 'R'], MS: ['X', 'U', 'C'], MC: ['X', 'N', 'L', 'H'], MI: ['X', 'N', 'L', 'H'], MA: ['X', 'N', 'L', 'H'],
};

function metricsValid(parts: readonly string[], metrics: Readonly<Record<string, readonly string[]>>): boolean {
  return parts.length > 0 && parts.every((part) => {
    const [metric, value, extra] = part.split(':');
    return extra === undefined && metric !== undefined && value !== undefined && (metrics[metric]?.includes(value) ?? false);
  });
}

export function isGitlabCvssVector(vector: string): boolean {
  if (vector.length > 128) return false;
  const v3 = /^CVSS:3\.[01]\//.exec(vector);
  if (v3) return vector.length >= 32 && metricsValid(vector.slice(v3[0].length).split('/'), V3_METRICS);
  return vector.length >= 16 && metricsValid(vector.split('/'), V2_METRICS);
}
