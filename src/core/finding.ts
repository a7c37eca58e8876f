import type { Identifiers } from './identifier.js';
import type { Location } from './location.js';
import type { Severity } from './severity.js';

/** GitLab report types. IaC findings go out as `sast`. */
export type ReportType =
  | 'sast'
  | 'secret_detection'
  | 'dependency_scanning'
  | 'container_scanning'
  | 'dast'
  | 'api_fuzzing';

export type Confidence = 'high' | 'medium' | 'low';

/** One step of a dataflow path: where the value was and what carried it (`source`, `assignment`, `call`, `sink`). */
export interface FlowStep {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  readonly step: string;
}

export interface TrackingSignature {
  readonly algorithm: string;
  readonly value: string;
}

export interface HttpHeader {
  readonly name: string;
  readonly value: string;
}

/** An HTTP request kept as evidence (DAST); the body is bounded and shown as text. */
export interface HttpRequestEvidence {
  readonly method: string;
  readonly url: string;
  readonly headers: readonly HttpHeader[];
  readonly body?: string;
}

/** An HTTP response kept as evidence (DAST); the body is bounded and shown as text. */
export interface HttpResponseEvidence {
  readonly statusCode: number;
  readonly reasonPhrase: string;
  readonly headers: readonly HttpHeader[];
  readonly body?: string;
}

/** A further exchange that supports a DAST finding (the unmodified request, a confirmation). */
export interface SupportingMessage {
  readonly name: string;
  readonly request?: HttpRequestEvidence;
  readonly response?: HttpResponseEvidence;
}

export interface Evidence {
  /** A short code extract around the finding; secrets are always redacted. */
  readonly snippet?: string;
  /** A stable hash of the matched secret, so a finding can be recognised without its value. */
  readonly secretHash?: string;
  /** The secret, masked for display (`ghp_ab…`). */
  readonly maskedSecret?: string;
  /** Shannon entropy of the secret in bits per character, where the rule measured it. */
  readonly entropy?: number;
  /** One line saying what proves the finding (DAST: `Response contained root:x:0:0`). */
  readonly summary?: string;
  /** DAST: the request that shows the finding and its response. */
  readonly request?: HttpRequestEvidence;
  readonly response?: HttpResponseEvidence;
  readonly supportingMessages?: readonly SupportingMessage[];
}

export interface Finding {
  readonly ruleId: string;
  readonly reportType: ReportType;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  readonly identifiers: Identifiers;
  readonly location: Location;
  readonly evidence?: Evidence;
  readonly signatures?: readonly TrackingSignature[];
  /** SAST taint findings: the path a value took from its source to the sink, source first. */
  readonly flow?: readonly FlowStep[];
  readonly remediation?: string;
  /** For a vulnerable dependency: the lowest version that fixes it, where one is known. */
  readonly fixedVersion?: string;
  /** CVSS vectors of the advisory, the one that set the severity first. */
  readonly cvssVectors?: readonly { readonly vendor: string; readonly vector: string }[];
  readonly links: readonly { readonly name?: string; readonly url: string }[];
  /** Id of the analyzer that produced the finding (`secrets`, `sast`…). */
  readonly analyzer: string;
}
