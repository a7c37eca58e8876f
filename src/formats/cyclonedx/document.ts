/**
 * The part of CycloneDX 1.6 JSON (bom-1.6.schema.json) that Bulwark writes, typed by hand. Keys
 * are declared in the schema's own order; JSON.stringify keeps insertion order, so building the
 * objects in this order gives a stable, familiar layout.
 */

export interface CdxProperty {
  readonly name: string;
  readonly value: string;
}

/** `licenseChoice`: a list of ids and names, or a tuple of exactly one SPDX expression. */
export type CdxLicenses =
  | readonly ({ readonly license: { readonly id: string } } | { readonly license: { readonly name: string } })[]
  | readonly [{ readonly expression: string }];

export type CdxScope = 'required' | 'optional' | 'excluded';

export interface CdxComponent {
  readonly type: 'application' | 'library';
  readonly 'bom-ref'?: string;
  readonly group?: string;
  readonly name: string;
  readonly version?: string;
  readonly scope?: CdxScope;
  readonly licenses?: CdxLicenses;
  readonly purl?: string;
  readonly properties?: readonly CdxProperty[];
}

export interface CdxDependency {
  readonly ref: string;
  readonly dependsOn?: readonly string[];
}

export interface CdxMetadata {
  readonly timestamp: string;
  /** The 1.5+ form: tools as components (the bare tool list is deprecated). */
  readonly tools: { readonly components: readonly CdxComponent[] };
  readonly component: CdxComponent;
  readonly properties: readonly CdxProperty[];
}

export interface CdxBom {
  readonly $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json';
  readonly bomFormat: 'CycloneDX';
  readonly specVersion: '1.6';
  readonly serialNumber: string;
  readonly version: 1;
  readonly metadata: CdxMetadata;
  readonly components: readonly CdxComponent[];
  readonly dependencies: readonly CdxDependency[];
}
