import type { CallExpr, Expr, Language } from '../ir/types.js';
import { dottedName } from '../match/resolve.js';

/**
 * Built-in sanitizer category `number-conversion`: calls that turn any input into a number (or
 * fail), so the result cannot carry an injection. Matched on the callee as written, by full
 * dotted name or, for methods, by the method name alone.
 */
const NUMBER_FUNCTIONS = new Set([
  // Python
  'int', 'float', 'bool', 'len', 'abs', 'round', 'ord', 'hash', 'id', 'decimal.Decimal', 'Decimal', 'os.path.exists', 'os.path.isfile', 'os.path.isdir',
  'hashlib.md5', 'hashlib.sha1', 'hashlib.sha256', 'hashlib.sha512', 'hmac.compare_digest', 'md5', 'sha1', 'crc32', 'zlib.crc32',
  // JavaScript / TypeScript
  'parseInt', 'parseFloat', 'Number', 'Boolean', 'Number.parseInt', 'Number.parseFloat', 'Math.floor', 'Math.round', 'Math.ceil', 'Math.abs', 'Math.max', 'Math.min', 'Date.parse', 'isNaN', 'Number.isInteger', 'BigInt',
  // Java
  'Integer.parseInt', 'Integer.valueOf', 'Long.parseLong', 'Long.valueOf', 'Short.parseShort', 'Byte.parseByte', 'Double.parseDouble', 'Double.valueOf', 'Float.parseFloat', 'Float.valueOf', 'Boolean.parseBoolean', 'Boolean.valueOf', 'UUID.fromString', 'java.util.UUID.fromString',
  // Go
  'strconv.Atoi', 'strconv.ParseInt', 'strconv.ParseUint', 'strconv.ParseFloat', 'strconv.ParseBool', 'uuid.Parse',
  // PHP
  'intval', 'floatval', 'doubleval', 'boolval', 'is_numeric', 'ctype_digit', 'count', 'strlen', 'abs',
  // Ruby
  'Integer', 'Float',
  // C#
  'int.Parse', 'int.TryParse', 'long.Parse', 'long.TryParse', 'double.Parse', 'decimal.Parse', 'Int32.Parse', 'Int64.Parse', 'Int32.TryParse', 'Guid.Parse', 'Convert.ToInt32', 'Convert.ToInt64', 'Convert.ToInt16', 'Convert.ToDouble', 'Convert.ToDecimal', 'Convert.ToBoolean',
]);

/** Methods whose result is a number or boolean whatever the receiver (`s.to_i`, `s.length`, `s.isdigit()`). */
const NUMBER_METHODS = new Set([
  // Digests and existence checks: a hex digest or a boolean cannot carry an injection.
  'hexdigest', 'digest', 'exists', 'existsSync', 'isfile', 'isdir', 'islink', 'is_file', 'is_dir', 'isFile', 'isDirectory',
  'to_i', 'to_f', 'to_r', 'to_c', 'length', 'size', 'count', 'len', 'isdigit', 'isnumeric', 'isdecimal', 'isalnum', 'isalpha',
  'startswith', 'endswith', 'startsWith', 'endsWith', 'includes', 'contains', 'indexOf', 'lastIndexOf', 'has', 'hasOwnProperty', 'test', 'equals', 'equalsIgnoreCase', 'compareTo', 'isEmpty', 'Equals', 'Contains', 'StartsWith', 'EndsWith', 'hashCode', 'intValue', 'longValue', 'Count', 'Length', 'nil?', 'empty?', 'include?', 'is_a?', 'match?',
]);

const NUMERIC_TYPES = /^(?:int|long|short|byte|float|double|decimal|bool|boolean|number|integer|uint|u?int(?:8|16|32|64)|float(?:32|64)|Integer|Long|Double|Float|Boolean|Int32|Int64|Guid|UUID)$/;

export function isNumberConversion(call: CallExpr): boolean {
  const name = dottedName(call.callee);
  if (name !== undefined && NUMBER_FUNCTIONS.has(name)) return true;
  return call.callee.kind === 'member' && NUMBER_METHODS.has(call.callee.property);
}

/** `(int) x`, `x as number`, `int(x)` in Go (a call, handled above). */
export function isNumericCast(type: string): boolean {
  return NUMERIC_TYPES.test(type.trim());
}

/** Operators whose result is a boolean or a number, whatever goes in. */
// `<<` is left out: it appends in Ruby (`list << x`) and C++ streams.
const CLEAN_BINARY = new Set(['==', '!=', '===', '!==', '<', '>', '<=', '>=', 'in', 'not in', 'is', 'is not', 'instanceof', '-', '*', '/', '//', '**', '>>', '>>>', '&', '|', '^', '<=>', '=~', '!~']);
const CLEAN_UNARY = new Set(['!', 'not', 'typeof', '-', '+', '~', 'void', 'delete', 'sizeof', 'len']);

export function isCleanBinary(op: string, left: Expr, right: Expr, language?: Language): boolean {
  const numberSide = (left.kind === 'literal' && left.type === 'number') || (right.kind === 'literal' && right.type === 'number');
  // `%` formats strings in Python and Ruby (`"%s" % x`); it is arithmetic when a side is a number.
  if (op === '%') return numberSide;
  // Python's and Ruby's `/` also joins paths (`ROOT / name` with pathlib, Pathname); a string
  // operand cannot be divided, so a tainted operand there is a path unless a side is a number.
  if (op === '/' && (language === 'python' || language === 'ruby')) return numberSide;
  return CLEAN_BINARY.has(op);
}

export function isCleanUnary(op: string): boolean {
  return CLEAN_UNARY.has(op);
}

/** Methods that put their argument into the receiver collection or builder. */
export const COLLECTION_WRITERS = new Set([
  'push', 'unshift', 'append', 'extend', 'insert', 'add', 'addAll', 'put', 'putAll', 'set', 'setdefault', 'update', 'concat', 'write', 'WriteString', 'Write', 'Add', 'AddRange', 'Append', 'AppendLine', 'AppendFormat', 'Insert', 'Push', 'offer', 'addFirst', 'addLast', 'store', 'merge',
]);

/** Collection lookups by key: the result is the stored value (or the default), not the key. */
export const LOOKUPS = new Set(['get', 'getOrDefault', 'fetch', 'GetValueOrDefault', 'get_or']);

/** Properties that are numbers: `s.length`, `list.size`, `arr.Length`, `list.Count`. */
export const LENGTHS = new Set(['length', 'size', 'Length', 'Count', 'byteLength']);
