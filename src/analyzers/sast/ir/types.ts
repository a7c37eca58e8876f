/**
 * The language-neutral IR that every SAST translator produces and that the pattern matcher and the
 * taint engine read. It keeps only what security rules look at (calls, names, members, literals,
 * string building, assignments, control flow, functions, imports); anything else becomes an
 * `other` node that still holds its children, so a value flowing through an unmodelled construct
 * is not lost. Plain data: nodes can be sent between worker threads.
 */

export type Language = 'javascript' | 'typescript' | 'tsx' | 'python' | 'java' | 'go' | 'php' | 'ruby' | 'csharp';

/**
 * A source range: 1-based lines, 0-based columns and offsets, end exclusive. Despite the names,
 * `startByte`/`endByte` and the columns count UTF-16 code units (web-tree-sitter's indices), so
 * `source.slice(startByte, endByte)` is the range's text.
 */
export interface Span {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly startByte: number;
  readonly endByte: number;
}

interface NodeBase {
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Expressions

/** `x`, `self`, `this` (as `this`), and in patterns a metavariable `$X` or `$...ARGS`. */
export interface NameExpr extends NodeBase {
  readonly kind: 'name';
  readonly name: string;
}

export type LiteralType = 'string' | 'number' | 'boolean' | 'null' | 'regex' | 'other';

export interface LiteralExpr extends NodeBase {
  readonly kind: 'literal';
  readonly type: LiteralType;
  /** The value with quotes and escapes resolved where the translator can (strings, numbers). */
  readonly value: string;
  /** The literal as written. */
  readonly raw: string;
}

/** `a.b`, `a?.b`, `a->b`, `A::b`. */
export interface MemberExpr extends NodeBase {
  readonly kind: 'member';
  readonly object: Expr;
  readonly property: string;
}

/** `a[b]`, `a.get(b)` is a call, not an index. */
export interface IndexExpr extends NodeBase {
  readonly kind: 'index';
  readonly object: Expr;
  readonly index: Expr;
}

export interface Argument {
  /** Keyword / named argument name (`shell=True`, C# `name: x`); absent for positional ones. */
  readonly name?: string;
  /** `...args`, `*args`, `**kwargs`. */
  readonly spread?: boolean;
  readonly value: Expr;
}

/** A call or a constructor call (`new X()`, `X.new`, Python `X()` stays a plain call). */
export interface CallExpr extends NodeBase {
  readonly kind: 'call';
  readonly callee: Expr;
  readonly args: readonly Argument[];
  readonly isNew?: boolean;
}

/** Arithmetic, comparison, logical and string `+`; `op` as written (`+`, `==`, `and`, `&&`, `.`). */
export interface BinaryExpr extends NodeBase {
  readonly kind: 'binary';
  readonly op: string;
  readonly left: Expr;
  readonly right: Expr;
}

export interface UnaryExpr extends NodeBase {
  readonly kind: 'unary';
  readonly op: string;
  readonly operand: Expr;
}

/**
 * String building without an operator: template literals, f-strings, interpolated strings
 * (`"#{x}"`, `$"{x}"`, `"$x"`). Literal parts are `literal` nodes of type string.
 */
export interface TemplateExpr extends NodeBase {
  readonly kind: 'template';
  readonly parts: readonly Expr[];
}

/** Arrays, lists, tuples, sets: `[a, b]`, `(a, b)`, `{a, b}`, `new[] { a }`. */
export interface ArrayExpr extends NodeBase {
  readonly kind: 'array';
  readonly elements: readonly Expr[];
}

export interface ObjectEntry {
  /** A constant key as text (`a` in `{a: 1}`, `"a"` in `{"a": 1}`); absent for computed keys. */
  readonly key?: string;
  readonly computedKey?: Expr;
  /** `...obj`, `**d`. */
  readonly spread?: boolean;
  readonly value: Expr;
}

/** Objects, dicts, hashes, associative arrays: `{a: 1}`, `{'a': 1}`, `['a' => 1]`. */
export interface ObjectExpr extends NodeBase {
  readonly kind: 'object';
  readonly entries: readonly ObjectEntry[];
}

/** `c ? a : b`, `a if c else b`. */
export interface ConditionalExpr extends NodeBase {
  readonly kind: 'conditional';
  readonly test: Expr;
  readonly consequent: Expr;
  readonly alternate: Expr;
}

/** `x = y` used as an expression (JS, C#, Go `:=` is a statement). */
export interface AssignExpr extends NodeBase {
  readonly kind: 'assign';
  readonly target: Expr;
  /** `=`, `+=`, `||=`… */
  readonly op: string;
  readonly value: Expr;
}

/** Anonymous functions: arrow functions, lambdas, blocks passed to calls, closures. */
export interface FunctionExpr extends NodeBase {
  readonly kind: 'function';
  readonly fn: FunctionDecl;
}

/** A type cast, conversion or assertion: `(int) x`, `x as T`, `int(x)` stays a call. */
export interface CastExpr extends NodeBase {
  readonly kind: 'cast';
  readonly type: string;
  readonly value: Expr;
}

/** `x instanceof T`, `isinstance` stays a call, `x is T` (C#), `x.(T)` (Go type assertion). */
export interface TypeTestExpr extends NodeBase {
  readonly kind: 'type-test';
  readonly type: string;
  readonly value: Expr;
}

/** `await x`, `yield x`: the value flows through. */
export interface AwaitExpr extends NodeBase {
  readonly kind: 'await';
  readonly value: Expr;
}

/** In patterns only: `...` where an expression or argument list is expected. */
export interface EllipsisExpr extends NodeBase {
  readonly kind: 'ellipsis';
}

/** Anything the IR does not model. `type` is the tree-sitter node type, for debugging. */
export interface OtherExpr extends NodeBase {
  readonly kind: 'other';
  readonly type: string;
  readonly children: readonly Expr[];
}

export type Expr =
  | NameExpr
  | LiteralExpr
  | MemberExpr
  | IndexExpr
  | CallExpr
  | BinaryExpr
  | UnaryExpr
  | TemplateExpr
  | ArrayExpr
  | ObjectExpr
  | ConditionalExpr
  | AssignExpr
  | FunctionExpr
  | CastExpr
  | TypeTestExpr
  | AwaitExpr
  | EllipsisExpr
  | OtherExpr;

// ---------------------------------------------------------------------------------------------
// Statements

export interface ExprStmt extends NodeBase {
  readonly kind: 'expr';
  readonly expr: Expr;
}

/**
 * A declaration or assignment: `let x = v`, `x = v`, `x := v`, `String x = v;`, `a, b = f()`
 * (targets as an `array` expression). `declared` marks a new binding.
 */
export interface AssignStmt extends NodeBase {
  readonly kind: 'assign';
  readonly target: Expr;
  readonly op: string;
  readonly value: Expr | undefined;
  readonly declared?: boolean;
  /** Declared type as written (`String`, `int`), where the language has one. */
  readonly type?: string;
}

export interface ReturnStmt extends NodeBase {
  readonly kind: 'return';
  readonly value: Expr | undefined;
}

export interface IfStmt extends NodeBase {
  readonly kind: 'if';
  readonly test: Expr;
  readonly consequent: readonly Stmt[];
  readonly alternate: readonly Stmt[] | undefined;
}

/** `for`, `for…in/of`, `foreach`, `while`, `do`: `binding` is the loop variable fed from `iterable`. */
export interface LoopStmt extends NodeBase {
  readonly kind: 'loop';
  readonly binding?: Expr;
  readonly iterable?: Expr;
  readonly test?: Expr;
  readonly body: readonly Stmt[];
}

/** `switch`/`match`/`case`: each case's tests and body. */
export interface SwitchStmt extends NodeBase {
  readonly kind: 'switch';
  readonly discriminant: Expr;
  /** `endsInBreak`: the case's statements end in a `break` (not kept in `body`), so it does not fall through. */
  readonly cases: readonly { readonly tests: readonly Expr[]; readonly body: readonly Stmt[]; readonly endsInBreak?: boolean }[];
}

export interface TryStmt extends NodeBase {
  readonly kind: 'try';
  readonly body: readonly Stmt[];
  readonly handlers: readonly { readonly binding?: Expr; readonly type?: string; readonly body: readonly Stmt[] }[];
  readonly finalizer: readonly Stmt[] | undefined;
}

export interface ThrowStmt extends NodeBase {
  readonly kind: 'throw';
  readonly value: Expr | undefined;
}

/** `{ … }`, `with x as y:` (binding as an assign before the body), `using`, `synchronized`. */
export interface BlockStmt extends NodeBase {
  readonly kind: 'block';
  readonly body: readonly Stmt[];
}

export interface FunctionStmt extends NodeBase {
  readonly kind: 'function';
  readonly fn: FunctionDecl;
}

export interface ClassStmt extends NodeBase {
  readonly kind: 'class';
  readonly name: string;
  readonly bases: readonly string[];
  readonly decorators: readonly Expr[];
  /** Methods are `function` statements; fields are `assign` statements with `declared`. */
  readonly body: readonly Stmt[];
}

export interface ImportBinding {
  /** Name in the source module; `default` for a default import, `*` for a namespace import. */
  readonly imported: string;
  /** Local name it is bound to. */
  readonly local: string;
}

/**
 * `import x from 'm'`, `from m import a as b`, `const x = require('m')` (translated as an import),
 * `import java.io.File;`, Go `import "os/exec"`, `using System.IO;`, PHP `use`, Ruby `require`.
 */
export interface ImportStmt extends NodeBase {
  readonly kind: 'import';
  /** Module as written: `./util`, `os.path`, `java.io.File`, `os/exec`, `.helpers` (Python relative). */
  readonly module: string;
  readonly bindings: readonly ImportBinding[];
}

/** `export function f`, `export { a as b }`, `module.exports = …`, `exports.f = …`. */
export interface ExportStmt extends NodeBase {
  readonly kind: 'export';
  /** The exported declaration, when the export wraps one. */
  readonly declaration?: Stmt;
  /** `local` exported as `exported` (`default` for a default export). */
  readonly bindings: readonly { readonly local: string; readonly exported: string }[];
  /** `export default <expr>` / `module.exports = <expr>`. */
  readonly value?: Expr;
}

export interface OtherStmt extends NodeBase {
  readonly kind: 'other';
  readonly type: string;
  /** Expressions and statements inside, in source order. */
  readonly children: readonly (Expr | Stmt)[];
}

export type Stmt =
  | ExprStmt
  | AssignStmt
  | ReturnStmt
  | IfStmt
  | LoopStmt
  | SwitchStmt
  | TryStmt
  | ThrowStmt
  | BlockStmt
  | FunctionStmt
  | ClassStmt
  | ImportStmt
  | ExportStmt
  | OtherStmt;

// ---------------------------------------------------------------------------------------------
// Functions and files

export interface Param {
  readonly name: string;
  readonly type?: string;
  readonly defaultValue?: Expr;
  /** `...rest`, `*args`, `**kwargs`, `params T[]`. */
  readonly rest?: boolean;
  /** Annotations and decorators on the parameter (`@RequestParam`, `[FromQuery]`). */
  readonly annotations: readonly string[];
  readonly span: Span;
}

export interface FunctionDecl {
  /** Absent for anonymous functions. Methods carry their own name; `className` says whose. */
  readonly name?: string;
  readonly className?: string;
  readonly params: readonly Param[];
  readonly body: readonly Stmt[];
  /** Decorators / annotations / attributes as expressions (`@app.route('/x')`, `@GetMapping`). */
  readonly decorators: readonly Expr[];
  readonly returnType?: string;
  readonly span: Span;
}

export interface Module {
  readonly language: Language;
  /** Path relative to the scanned root, with forward slashes. */
  readonly path: string;
  readonly body: readonly Stmt[];
  /** Syntax errors tree-sitter recovered from: the IR still covers the rest of the file. */
  readonly errorCount: number;
}
