"""How a command is declared once, and every face of it derived.

A command is a frozen attrs class; each of its fields carries, in its
`metadata`, the parameters it is given by from outside (its `Shape`, of one or
more `Param`s): the name the command line and files know it by, the `Kind` of
value (see `kinds`: how it is read from text and written back), its help, whether it is
required, repeatable or a flag, and where it is accepted. `declare` adds the
command's name, help (its docstring), the record it targets and the domain
method that decides it. From that one declaration come the command line's
options, an import file's keys and checks, the JSON schema of a request, and
the text an export or a generator writes.
"""

from __future__ import annotations

import difflib
import enum
import functools
import inspect
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import attrs

from application.commands.kinds import DATE, DELEGATION, FLAG, PAIR, Kind
from domain.errors import InvalidValueError
from domain.limits import NAME_LIMIT, REASON_LIMIT
from domain.values import DateRange

if TYPE_CHECKING:
    from application.commands.base import Command, Record

C = TypeVar("C", bound="type[Command]")

PARAMS = "secretariat.params"
"""The key of a field's `Shape` in its attrs metadata."""

MATCHING = "secretariat.matching"
"""The key, in a field's attrs metadata, that marks it as saying how the
command's delegations are matched (`unlisted`): it is read before the domain
decides, which is given the delegations matched (`Declaration.delegations`)."""

PROVENANCE = "secretariat.provenance"
"""The key, in a field's attrs metadata, that marks it as saying how the
record knows the decision (its source, say), not what was decided: the
domain's method that decides the command is not given it."""

NAME_HELP = f"at most {NAME_LIMIT:,} characters"
REASON_HELP = f"at most {REASON_LIMIT:,} characters"
"""The length limits, as every parameter that takes a text states them."""


class Face(enum.Flag):
    """Where a command comes from: a parameter says in which it is accepted."""

    CLI = enum.auto()
    """The command line."""
    FILE = enum.auto()
    """An entry of an import file."""
    API = enum.auto()
    """A request to the service (its body)."""
    ALL = CLI | FILE | API

    @property
    def recorded_via(self) -> str:
        """How a command from this face reaches the record, as its events
        say (`recorded_via`): `cli`, `import` or `api`."""
        return RECORDED_VIA[self]


RECORDED_VIA = {Face.CLI: "cli", Face.FILE: "import", Face.API: "api"}


class Fallback(enum.Enum):
    """Where a parameter's value comes from when it is not given."""

    TODAY = "today"
    ISSUER = "the officer issuing the command"


class IncompleteError(InvalidValueError):
    """Raised when parameters that go together are given one without the other."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = tuple(names)
        super().__init__(self.say(lambda name: name))

    def say(self, called: Callable[[str], str]) -> str:
        """The message, each parameter named as `called` names it (`--start`)."""
        first, *rest = [called(name) for name in self.names]
        return f"give both {first} and {' and '.join(rest)}, or neither"


class FieldsError(InvalidValueError):
    """Raised when the fields given for a command (an import entry, a request)
    are not those it takes, or not of the right shape."""


# Parameters and the fields they make.


@attrs.frozen
class Param:
    """One parameter of a command, as the outside world gives it."""

    kind: Kind[Any]
    help: str
    name: str = ""
    """Its name on the command line (`at-session`, `from`, `item`, `body`);
    by default its field's name, with hyphens."""
    dest: str = ""
    """The name its value goes by on the way in (`at_session`, `submitter`);
    by default its field's name."""
    required: bool = True
    positional: bool = False
    plural: str | None = None
    """A repeatable parameter's key in files and requests (`items`: its
    field's name); None when it is given once."""
    flag: bool = False
    default: Any = None
    """The value it takes when not given (None: none), shown by `--help`."""
    keys: str = r"^[1-9][0-9]{0,4}$"
    """A repeatable parameter's keys in a request, as a pattern (an agenda
    item's number, a topic's year)."""
    fallback: Fallback | None = None
    fallback_in: Face = Face.ALL
    """Where the fallback applies; elsewhere the parameter must be given."""
    accepted: Face = Face.ALL

    def named(self, field: str, *, plural: bool = False) -> Param:
        """This parameter of the field `field`, its names filled in."""
        return attrs.evolve(
            self,
            name=self.name or field.replace("_", "-"),
            dest=self.dest or field,
            plural=field if plural else self.plural,
        )

    @property
    def key(self) -> str:
        """Its key in an import file's entry or a request."""
        return self.plural or self.name

    def required_in(self, face: Face) -> bool:
        return self.required or (
            self.fallback is not None and not self.fallback_in & face
        )

    def schema(self) -> dict[str, Any]:
        """The JSON schema of its value in a request."""
        described = {"description": self.help}
        if self.flag:
            return {"type": "boolean", **described}
        if self.plural is not None:
            text = dict(self.kind.schema)
            return {
                "type": "object",
                "propertyNames": {"pattern": self.keys},
                "additionalProperties": {
                    "oneOf": [text, {"type": "array", "items": text, "minItems": 1}]
                },
                "minProperties": 1,
                **described,
            }
        return {**self.kind.schema, **described}


class Shape:
    """How one field of a command is made of the parameters given."""

    params: tuple[Param, ...]

    def named(self, field: str) -> Shape:
        """The shape of the field `field`: its parameters named after it
        where they do not have names of their own."""
        raise NotImplementedError

    def assemble(self, values: Mapping[str, Any]) -> Any:
        """The field's value from its parameters' values (by `dest`; absent or
        None when not given), or `attrs.NOTHING` for the field's default."""
        raise NotImplementedError

    def disassemble(self, value: Any) -> dict[str, Any]:
        """The parameters' values that give `value` (the inverse)."""
        raise NotImplementedError


@attrs.frozen
class Single(Shape):
    """A field given by one parameter of the same value."""

    param: Param

    @property
    def params(self) -> tuple[Param, ...]:  # type: ignore[override]
        return (self.param,)

    def named(self, field: str) -> Shape:
        return Single(self.param.named(field))

    def assemble(self, values: Mapping[str, Any]) -> Any:
        value = values.get(self.param.dest)
        return attrs.NOTHING if value is None else value

    def disassemble(self, value: Any) -> dict[str, Any]:
        return {self.param.dest: value}


@attrs.frozen
class Dates(Shape):
    """A date range given by its first and last day."""

    start: Param
    end: Param

    @property
    def params(self) -> tuple[Param, ...]:  # type: ignore[override]
        return (self.start, self.end)

    def named(self, field: str) -> Shape:
        return self

    def assemble(self, values: Mapping[str, Any]) -> Any:
        start, end = values.get(self.start.dest), values.get(self.end.dest)
        if start is None and end is None:
            return attrs.NOTHING
        if start is None or end is None:
            raise IncompleteError([self.start.name, self.end.name])
        return DateRange(start=start, end=end)

    def disassemble(self, value: DateRange | None) -> dict[str, Any]:
        if value is None:
            return {}
        return {self.start.dest: value.start, self.end.dest: value.end}


@attrs.frozen
class Repeated(Shape):
    """A field given by a repeatable parameter, each time one `N=TEXT` pair."""

    param: Param
    build: Callable[[list[tuple[int, str]]], Any]
    pairs: Callable[[Any], list[tuple[int, str]]]

    @property
    def params(self) -> tuple[Param, ...]:  # type: ignore[override]
        return (self.param,)

    def named(self, field: str) -> Shape:
        return Repeated(self.param.named(field, plural=True), self.build, self.pairs)

    def assemble(self, values: Mapping[str, Any]) -> Any:
        given = values.get(self.param.dest)
        return attrs.NOTHING if not given else self.build(list(given))

    def disassemble(self, value: Any) -> dict[str, Any]:
        return {self.param.dest: self.pairs(value)}


@attrs.frozen
class DayOf(Shape):
    """A date given by a parameter that may give a moment instead (with its
    UTC offset): the date the moment falls on where it was read."""

    param: Param

    @property
    def params(self) -> tuple[Param, ...]:  # type: ignore[override]
        return (self.param,)

    def named(self, field: str) -> Shape:
        return DayOf(self.param.named(field))

    def assemble(self, values: Mapping[str, Any]) -> Any:
        given = values.get(self.param.dest)
        if given is None:
            return attrs.NOTHING
        return given.date() if isinstance(given, datetime) else given

    def disassemble(self, value: Any) -> dict[str, Any]:
        return {self.param.dest: value}


@attrs.frozen
class MomentOf(Shape):
    """The moment the parameter of another field (`dest`) gives, when it gives
    a moment rather than a date: a field of no parameter of its own."""

    dest: str

    @property
    def params(self) -> tuple[Param, ...]:  # type: ignore[override]
        return ()

    def named(self, field: str) -> Shape:
        return self

    def assemble(self, values: Mapping[str, Any]) -> Any:
        given = values.get(self.dest)
        return given if isinstance(given, datetime) else attrs.NOTHING

    def disassemble(self, value: Any) -> dict[str, Any]:
        # Declared after the date it gives the moment of: the moment, when
        # there is one, is what the parameter writes.
        return {} if value is None else {self.dest: value}


@attrs.frozen
class Inherited(Shape):
    """A field given by no parameter: the command takes it from the record
    the record it creates belongs to (`Record.inherits`)."""

    @property
    def params(self) -> tuple[Param, ...]:  # type: ignore[override]
        return ()

    def named(self, field: str) -> Shape:
        return self

    def assemble(self, values: Mapping[str, Any]) -> Any:
        return attrs.NOTHING

    def disassemble(self, value: Any) -> dict[str, Any]:
        return {}


@functools.cache
def _what(name: str) -> str:
    return "the " + name.replace("_", " ")


def _field(
    shape: Shape,
    *,
    kind: Kind[Any] | None,
    optional: bool,
    default: Any,
    what: str | None,
    check: bool = True,
    provenance: bool = False,
    matching: bool = False,
) -> Any:
    """An attrs field whose metadata holds its shape, checked by its kind's
    check (`what` it is called in a message: by default its name)."""
    checks = kind.check if kind is not None and check else None
    validate: Callable[[Any, attrs.Attribute[Any], Any], None] | None = None
    if checks is not None:
        # Each command made checks all its fields: no test made twice.
        called = checks

        def validate(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
            called(value, what or _what(attribute.name))

        def validate_given(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
            if value is not None:
                called(value, what or _what(attribute.name))

        if optional:
            validate = validate_given

    return attrs.field(
        default=default if default is not None or optional else attrs.NOTHING,
        validator=validate,
        metadata={PARAMS: shape, PROVENANCE: provenance, MATCHING: matching},
    )


def value(
    kind: Kind[Any],
    help: str = "",
    *,
    name: str = "",
    optional: bool = False,
    default: Any = None,
    positional: bool = False,
    what: str | None = None,
    fallback: Fallback | None = None,
    fallback_in: Face = Face.ALL,
    accepted: Face = Face.ALL,
    check: bool = True,
    provenance: bool = False,
) -> Any:
    """A field given by one parameter: `name` on the command line (default:
    the field's name, with hyphens), read as `kind` and checked by its check
    (unless `check` is false: the command checks it itself). A `provenance`
    field says how the record knows the decision, and is not given to the
    domain's method that decides it."""
    param = Param(
        kind,
        help,
        name=name,
        required=not (optional or default is not None or fallback),
        positional=positional,
        default=default,
        fallback=fallback,
        fallback_in=fallback_in,
        accepted=accepted,
    )
    return _field(
        Single(param),
        kind=kind,
        optional=optional,
        default=default,
        what=what,
        check=check,
        provenance=provenance,
    )


def day_or_moment(kind: Kind[Any], help: str, **options: Any) -> Any:
    """A date given as a date or as a moment (read by `kind`), with the
    fallback and faces of `value`: the date the moment falls on where it was
    read. Its moment is the field `moment_of` declares after it."""
    param = Param(
        kind,
        help,
        required=False,
        fallback=options.get("fallback"),
        fallback_in=options.get("fallback_in", Face.ALL),
    )
    return _field(DayOf(param), kind=kind, optional=False, default=None, what=None)


def moment_of(dest: str) -> Any:
    """The moment the parameter `dest` gives (None when it gives a date)."""
    return attrs.field(
        default=None, metadata={PARAMS: MomentOf(dest), PROVENANCE: False}
    )


def inherited() -> Any:
    """A field no one gives: the value of the record the command's record
    belongs to (None until the command is decided)."""
    return attrs.field(default=None, metadata={PARAMS: Inherited(), PROVENANCE: False})


def flag(help: str, *, provenance: bool = False, matching: bool = False) -> Any:
    """A field that is true when the flag is given (a `matching` one says how
    the command's delegations are matched, and is not given to the domain)."""
    param = Param(FLAG, help, required=False, flag=True)
    return _field(
        Single(param),
        kind=None,
        optional=False,
        default=False,
        what=None,
        provenance=provenance,
        matching=matching,
    )


def arrival() -> Any:
    """The field that says how a command reaches the record (`recorded_via`): given by
    no one, but by the face it comes through (`Declaration.build`). Two
    commands that differ only in it are the same command."""
    return attrs.field(default=None, eq=False)


def dates(start: str, end: str, *, optional: bool = False) -> Any:
    """A date range, given as `start` and `end` (their help texts); an optional
    one is given with both or neither."""
    shape = Dates(
        Param(DATE, start, name="start", dest="start", required=not optional),
        Param(DATE, end, name="end", dest="end", required=not optional),
    )
    return _field(shape, kind=None, optional=optional, default=None, what=None)


def repeated(
    name: str,
    help: str,
    *,
    build: Callable[[list[tuple[int, str]]], Any],
    pairs: Callable[[Any], list[tuple[int, str]]],
    keys: str = r"^[1-9][0-9]{0,4}$",
) -> Any:
    """A field given by the repeatable parameter `name` (`--item N=TEXT`,
    once per pair); its key in files is the field's name (`items`), and its
    keys match the pattern `keys`."""
    shape = Repeated(Param(PAIR, help, name=name, keys=keys), build, pairs)
    return attrs.field(converter=tuple, metadata={PARAMS: shape})


# The declaration.


@attrs.frozen
class _Accepted:
    """The parameters one face accepts, as reading its fields needs them."""

    params: tuple[Param, ...]
    by_key: dict[str, Param]
    required: tuple[str, ...]
    positional: tuple[str, ...]
    fallbacks: tuple[Param, ...]
    texts: frozenset[str]
    """The keys of the parameters given as one text (neither flags nor
    repeatable): a text given for one of them is taken as it is, by `_typed`
    and `_shaped` alike."""

    @classmethod
    def of(cls, params: tuple[Param, ...], face: Face) -> _Accepted:
        accepted = tuple(param for param in params if param.accepted & face)
        return cls(
            accepted,
            {param.key: param for param in accepted},
            tuple(param.key for param in accepted if param.required_in(face)),
            tuple(param.key for param in accepted if param.positional),
            # A parameter a face does not take may come from its context: the
            # service knows who sends a request.
            tuple(
                param
                for param in params
                if param.fallback is not None and param.fallback_in & face
            ),
            frozenset(
                param.key
                for param in accepted
                if param.plural is None and not param.flag
            ),
        )


@attrs.frozen
class Declaration:
    """Everything said once about a command, from which its faces are derived."""

    verb: str
    """Its name in the CLI, the import file and the feature files."""
    help: str
    command: type[Command]
    shapes: tuple[tuple[str, Shape], ...]
    """Each field's name and shape, in the order of the fields (the field
    that says how the command arrives, `recorded_via`, has none: see
    `arrival`)."""
    decides: tuple[str, ...]
    """The fields given to the domain's method that decides it: all but those
    that say how the record knows the decision (its provenance) and how its
    delegations are matched (`unlisted`)."""
    record: Record[Any]
    decided_by: Callable[..., Any]
    """The domain's method that decides it: an aggregate's method, given the
    command's other fields; or, for a command that creates the record, the
    aggregate's constructor, given all of them."""
    creates: bool
    commutes: bool
    """Two such commands on the same record give the same record in either
    order: one that meets a concurrent change is decided again."""
    params: tuple[Param, ...] = attrs.field(init=False, eq=False, repr=False)
    _faces: dict[Face, _Accepted] = attrs.field(init=False, eq=False, repr=False)
    _assembly: tuple[tuple[str, str | None, Shape], ...] = attrs.field(
        init=False, eq=False, repr=False
    )
    """Each field's name, the `dest` of its parameter when it is given by one
    of the same value (a `Single`), and its shape: `build`'s table."""
    delegations: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)
    """The fields that name a delegation (of the kind `DELEGATION`): before
    the domain decides, each is matched against the Member States and the
    body's observers, and given as the `Delegation` it names (unlisted if the
    command's `unlisted` flag says so)."""

    def __attrs_post_init__(self) -> None:
        params = tuple(param for _, shape in self.shapes for param in shape.params)
        faces = {face: _Accepted.of(params, face) for face in Face if face != Face.ALL}
        object.__setattr__(self, "params", params)
        object.__setattr__(self, "_faces", faces)
        assembly = tuple(
            (field, shape.param.dest if isinstance(shape, Single) else None, shape)
            for field, shape in self.shapes
        )
        object.__setattr__(self, "_assembly", assembly)
        named = tuple(
            field
            for field, shape in self.shapes
            if isinstance(shape, Single) and shape.param.kind is DELEGATION
        )
        object.__setattr__(self, "delegations", named)

    def params_in(self, face: Face) -> tuple[Param, ...]:
        """The parameters accepted from `face`, in the order of the fields."""
        return self._faces[face].params

    def build(self, values: Mapping[str, Any], *, face: Face | None = None) -> Command:
        """The command, from its parameters' values (by `dest`), as it comes
        through `face` (which its `recorded_via` says; None: through none, as a
        program builds it)."""
        fields = {}
        for field, dest, shape in self._assembly:
            if dest is not None:  # a `Single`: its one value, when given
                given = values.get(dest)
                if given is not None:
                    fields[field] = given
                continue
            assembled = shape.assemble(values)
            if assembled is not attrs.NOTHING:
                fields[field] = assembled
        if face is not None:
            fields["recorded_via"] = face.recorded_via
        return self.command(**fields)

    def values(self, command: Command) -> dict[str, Any]:
        """The parameters' values that build `command` (the inverse)."""
        found: dict[str, Any] = {}
        for field, shape in self.shapes:
            found.update(shape.disassemble(getattr(command, field)))
        return found

    def arguments(self, command: Command) -> dict[str, Any]:
        """The keyword arguments of the domain method that decides it."""
        skipped = () if self.creates else self.record.key
        return {
            field: getattr(command, field)
            for field in self.decides
            if field not in skipped
        }

    # Commands given as fields of text (import entries, requests).

    def read(
        self,
        given: Mapping[str, object],
        *,
        face: Face,
        fallbacks: Mapping[Fallback, Callable[[], Any]],
        parsed: dict[tuple[Any, str], Any] | None = None,
    ) -> Command:
        """The command from `given`, its fields by key (the texts of an import
        entry, the values of a request), or a `FieldsError`, or the
        `InvalidValueError` of a value the command refuses.

        `parsed` remembers the values read from texts, for the commands read
        after this one (those of one file): a kind's `parse` is a function of
        the text alone, and a file gives the same dates, periods and numbers
        again and again. The value is still checked by each command made."""
        accepted = self._faces[face]
        params = accepted.by_key
        texts = accepted.texts
        shaped: dict[str, Any] = {}
        api = face is Face.API
        for key, raw in given.items():
            if type(raw) is str and key in texts:  # most fields: one text each
                shaped[key] = raw
                continue
            param = params.get(key)
            if param is None:
                raise FieldsError(
                    f"{self.verb} has no field {key!r}{suggest(key, params)}"
                )
            shaped[key] = _shaped(param, _typed(param, raw) if api else raw)
        missing = [key for key in accepted.required if key not in given]
        if missing:
            raise FieldsError(f"missing {and_(missing)}")
        values: dict[str, Any] = {}
        # Options first, then positionals: the order the command line reads them.
        positional = accepted.positional
        order = [key for key in given if key not in positional]
        order += [key for key in positional if key in given]
        for key in order:
            param = params[key]
            try:
                values[param.dest] = _converted(param, shaped[key], parsed)
            except InvalidValueError as error:
                raise FieldsError(f"{key}: {error}") from None
        for param in accepted.fallbacks:
            found = fallbacks.get(param.fallback)  # type: ignore[arg-type]
            if param.key not in given and found is not None:
                values[param.dest] = found()
        try:
            return self.build(values, face=face)
        except IncompleteError as error:
            raise FieldsError(str(error)) from None

    def write(self, command: Command, *, face: Face = Face.FILE) -> dict[str, Any]:
        """`command` as fields of text (the inverse of `read`): what an import
        file's entry holds, the command's name aside."""
        values = self.values(command)
        fields: dict[str, Any] = {}
        for param in self.params_in(face):
            given = values.get(param.dest)
            if given is None or given is False:
                continue
            if param.flag:
                fields[param.key] = "true"
            elif param.plural is not None:
                fields[param.key] = _mapping(given)
            else:
                fields[param.key] = param.kind.format(given)
        return fields

    def schema(self, face: Face = Face.API) -> dict[str, Any]:
        """The JSON schema of the command's fields as a request gives them."""
        params = self.params_in(face)
        schema: dict[str, Any] = {
            "title": self.verb,
            "description": self.help,
            "type": "object",
            "properties": {param.key: param.schema() for param in params},
            "required": [param.key for param in params if param.required_in(face)],
            "additionalProperties": False,
        }
        shapes = dict(self.shapes)
        together = {
            param.key: [other.key for other in shape.params if other is not param]
            for shape in shapes.values()
            if isinstance(shape, Dates)
            for param in shape.params
            if not param.required_in(face)
        }
        if together:
            schema["dependentRequired"] = together
        either = [
            param.key
            for field in self.command.at_least_one
            for param in shapes[field].params
        ]
        if either:
            schema["anyOf"] = [{"required": [key]} for key in either]
        return schema


class Pairs:
    """A mapping as written, its keys in order and repeated keys kept (an
    import file may give a repeatable key twice)."""

    def __init__(self, pairs: Iterable[tuple[object, object]]) -> None:
        self.pairs = tuple(pairs)


def _typed(param: Param, raw: object) -> object:
    """`raw` checked for the JSON type a request gives it in (a flag: a
    boolean; a number: a number, or a string of digits; anything else: a
    string), a whole number written as a float taken as that number."""
    kind = "boolean" if param.flag else param.kind.schema.get("type", "string")
    if param.plural is not None or (isinstance(raw, str) and kind != "boolean"):
        return raw
    if kind == "boolean" and isinstance(raw, bool):
        return raw
    if kind == "integer" and not isinstance(raw, bool):
        if isinstance(raw, int):
            return raw
        if isinstance(raw, float) and raw.is_integer():
            return int(raw)
    said = {"boolean": "true or false", "integer": "a whole number"}
    raise FieldsError(f"{param.key} is {said.get(kind, 'a string')}, not {raw!r}")


def _shaped(param: Param, raw: object) -> Any:
    """`raw` checked for the shape `param` takes: one text, or a mapping of
    numbers to texts (a list of texts each) for a repeatable parameter."""
    if param.plural is not None:
        if isinstance(raw, Mapping):
            raw = Pairs(raw.items())
        if not isinstance(raw, Pairs):
            raise FieldsError(
                f"{param.key} is a mapping of numbers to texts, "
                f"like {param.key}: {{1: First text, 2: Second text}}"
            )
        texts: list[str] = []
        for key, value in raw.pairs:
            if not isinstance(key, str | int) or isinstance(key, bool):
                raise FieldsError(f"{param.key} has a key that is not a number")
            for item in value if isinstance(value, list) else [value]:
                if not isinstance(item, str):
                    raise FieldsError(
                        f"{param.key} {key}: each {param.name} is one text"
                    )
                texts.append(f"{key}={item}")
        if not texts:
            raise FieldsError(f"{param.key} is empty")
        return texts
    if isinstance(raw, bool):
        raw = "true" if raw else "false"
    elif isinstance(raw, int):
        raw = str(raw)
    if not isinstance(raw, str):
        raise FieldsError(f"{param.key} is one value, not a list or a mapping")
    if param.flag and raw not in ("true", "false"):
        raise FieldsError(f"{param.key} is true or false, not {raw!r}")
    return raw


def _converted(
    param: Param, shaped: Any, parsed: dict[tuple[Any, str], Any] | None = None
) -> Any:
    parse = param.kind.parse
    if param.plural is not None:
        return [text if parse is None else parse(text) for text in shaped]
    if parse is None:
        return shaped
    if parsed is None:
        return parse(shaped)
    # A value read before from the same text by the same parser (a text that
    # cannot be read raises, and is read again if given again).
    key = (parse, shaped)
    found = parsed.get(key, parsed)
    if found is parsed:
        found = parsed[key] = parse(shaped)
    return found


def _mapping(pairs: list[tuple[int, str]]) -> dict[str, Any]:
    grouped: dict[str, list[str]] = {}
    for key, text in pairs:
        grouped.setdefault(str(key), []).append(text)
    return {
        key: texts[0] if len(texts) == 1 else texts for key, texts in grouped.items()
    }


def suggest(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def and_(keys: Sequence[str]) -> str:
    named = [f"'{key}'" for key in keys]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


# Declaring a command.


class Declared:
    """What `declare` gives a command class."""

    declaration: ClassVar[Declaration]


def declare(
    verb: str,
    decided_by: Callable[..., Any],
    *,
    creates: bool = False,
    commutes: bool = False,
) -> Callable[[C], C]:
    """Declare the command class below as the command `verb`, decided by the
    domain's `decided_by`; it is registered by its name (see `COMMANDS`)."""

    def register(command: C) -> C:
        shapes = []
        decides = []
        for field in attrs.fields(command):
            if PARAMS not in field.metadata:
                continue  # how it arrives: see `arrival`
            shapes.append((field.name, field.metadata[PARAMS].named(field.name)))
            if not (
                field.metadata.get(PROVENANCE, False)
                or field.metadata.get(MATCHING, False)
            ):
                decides.append(field.name)
        command.declaration = Declaration(
            verb=verb,
            help=inspect.getdoc(command) or "",
            command=command,
            shapes=tuple(shapes),
            decides=tuple(decides),
            record=command.record,
            decided_by=decided_by,
            creates=creates,
            commutes=commutes,
        )
        command.verb = verb
        REGISTRY[verb] = command
        return command

    return register


REGISTRY: dict[str, type[Command]] = {}
"""Every declared command, by its name, in the order declared."""
