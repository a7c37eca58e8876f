import { DockerfileParser, ModifiableInstruction, type Env, type From, type Instruction } from 'dockerfile-ast';
import type { Problem } from '../../../core/result.js';
import { MAX_IAC_FILE_CHARS } from '../located-yaml.js';
import type { IacFramework, ParsedIac } from '../types.js';
import { DOCKERFILE_RULES } from './rules/index.js';

/** A `NAME=value` of an ENV or ARG instruction (value absent for `ARG NAME`). */
export interface DockerProperty {
  readonly name: string;
  readonly value?: string;
  readonly line: number;
}

/** One instruction, with continuation lines joined and its 1-based first line. */
export interface DockerInstruction {
  readonly keyword: string;
  readonly line: number;
  /** The arguments as written (continuations joined, heredoc bodies included). */
  readonly text: string;
  readonly args: readonly string[];
  /** Flags before the arguments, as written: `--chown=app`, `--checksum=sha256:…`, `--mount=type=secret,id=npm`. */
  readonly flags: readonly string[];
  /** ENV and ARG only. */
  readonly properties: readonly DockerProperty[];
}

/** A build stage: its FROM and the instructions up to the next FROM. */
export interface DockerStage {
  /** 0-based position in the file. */
  readonly index: number;
  readonly from: DockerInstruction;
  /** The image named by FROM, with build arguments declared before the first FROM substituted; absent when it cannot be known. */
  readonly image?: string;
  /** The `AS name` alias. */
  readonly alias?: string;
  readonly instructions: readonly DockerInstruction[];
  /** How findings name this stage: `stage 2 "build" (FROM node:20)`. */
  readonly resource: string;
}

export interface Dockerfile {
  readonly file: string;
  /** ARGs before the first FROM: they parameterise FROM lines and are stored in the build history. */
  readonly globalArgs: readonly DockerInstruction[];
  readonly stages: readonly DockerStage[];
}

/** `Dockerfile`, `Containerfile`, `Dockerfile.dev`, `api.Dockerfile` (case as Docker writes them). */
const BASENAME = /(^|\/)(Dockerfile|Containerfile)(\.[^/]+)?$|\.(Dockerfile|Containerfile)$/;

function claims(path: string): boolean {
  return BASENAME.test(path) && !/\.(dockerignore|md)$/.test(path);
}

/** `ARG NAME` or `ARG NAME=value`; read by hand because the parser gives up when more words follow. */
function argProperty(instruction: Instruction): DockerProperty[] {
  const first = instruction.getArguments()[0]?.getValue();
  if (first === undefined) return [];
  const equals = first.indexOf('=');
  const line = instruction.getRange().start.line + 1;
  if (equals < 0) return [{ name: first, line }];
  return [{ name: first.slice(0, equals), value: first.slice(equals + 1).replace(/^"(.*)"$|^'(.*)'$/, '$1$2'), line }];
}

function propertiesOf(instruction: Instruction): DockerProperty[] {
  const keyword = instruction.getKeyword();
  if (keyword === 'ARG') return argProperty(instruction);
  if (keyword !== 'ENV') return [];
  return (instruction as Env).getProperties().map((property) => {
    const value = property.getValue();
    return { name: property.getName(), line: property.getRange().start.line + 1, ...(value !== null ? { value } : {}) };
  });
}

function toInstruction(instruction: Instruction): DockerInstruction {
  return {
    keyword: instruction.getKeyword(),
    line: instruction.getRange().start.line + 1,
    text: instruction.getArgumentsContent() ?? '',
    args: instruction.getArguments().map((argument) => argument.getValue()),
    flags: instruction instanceof ModifiableInstruction ? instruction.getFlags().map((flag) => flag.toString()) : [],
    properties: propertiesOf(instruction),
  };
}

/** `${NAME}`, `${NAME:-default}` and `$NAME` replaced from the global build arguments; undefined when one is unknown. */
function substitute(text: string, args: ReadonlyMap<string, string>): string | undefined {
  let unknown = false;
  const result = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_match, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
    const value = args.get(braced ?? bare ?? '') ?? fallback;
    if (value === undefined || value === '') unknown = true;
    return value ?? '';
  });
  return unknown ? undefined : result;
}

function stageResource(index: number, image: string | undefined, alias: string | undefined, rawImage: string): string {
  return `stage ${index + 1}${alias ? ` "${alias}"` : ''} (FROM ${image ?? rawImage})`;
}

function toStages(instructions: readonly Instruction[]): DockerStage[] {
  const globalArgs = new Map<string, string>();
  const stages: { index: number; from: From; instructions: Instruction[] }[] = [];
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') stages.push({ index: stages.length, from: instruction as From, instructions: [] });
    else if (stages.length > 0) stages.at(-1)?.instructions.push(instruction);
    else if (keyword === 'ARG') for (const property of propertiesOf(instruction)) if (property.value !== undefined) globalArgs.set(property.name, property.value);
  }
  return stages.map((stage) => {
    const rawImage = stage.from.getImage() ?? '';
    const image = rawImage === '' ? undefined : substitute(rawImage, globalArgs);
    const alias = stage.from.getBuildStage() ?? undefined;
    return {
      index: stage.index,
      from: toInstruction(stage.from),
      ...(image !== undefined ? { image } : {}),
      ...(alias !== undefined ? { alias } : {}),
      instructions: stage.instructions.map(toInstruction),
      resource: stageResource(stage.index, image, alias, rawImage),
    };
  });
}

function parse(text: string, file: string): ParsedIac<Dockerfile> {
  if (text.length > MAX_IAC_FILE_CHARS) {
    return { targets: [], problems: [{ code: 'iac-file-too-large', level: 'warn', file, message: `${file}: over ${MAX_IAC_FILE_CHARS / 1024 / 1024} MB; not checked` }] };
  }
  try {
    const instructions = DockerfileParser.parse(text).getInstructions();
    const stages = toStages(instructions);
    const firstFrom = instructions.findIndex((instruction) => instruction.getKeyword() === 'FROM');
    const globalArgs = instructions.slice(0, firstFrom).filter((instruction) => instruction.getKeyword() === 'ARG').map(toInstruction);
    const problems: Problem[] = stages.length === 0 && text.trim() !== '' ? [{ code: 'iac-unreadable', level: 'warn', file, message: `${file}: no FROM instruction; not read as a Dockerfile` }] : [];
    return { targets: stages.length > 0 ? [{ file, globalArgs, stages }] : [], problems };
  } catch (error) {
    // The parser is tolerant, but a scan must go on even if it is not.
    return { targets: [], problems: [{ code: 'iac-unreadable', level: 'warn', file, message: `${file}: not a readable Dockerfile (${error instanceof Error ? error.message : String(error)})` }] };
  }
}

/** Dockerfiles and Containerfiles: one target per file, holding its build stages. */
export const dockerfileFramework: IacFramework<Dockerfile> = {
  id: 'dockerfile',
  claims,
  parse,
  rules: DOCKERFILE_RULES,
};
