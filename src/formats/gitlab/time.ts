/** GitLab's scan times: `yyyy-mm-ddThh:mm:ss`, UTC, no zone. */
export function gitlabTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}
