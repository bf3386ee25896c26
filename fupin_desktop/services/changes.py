"""What a mutation changed: views refresh from this one value (never by reaching into each other)."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    op_id: str = ""
    tables: frozenset[str] = frozenset()
    household_ids: frozenset[str] = frozenset()
    row_ids: frozenset[str] = frozenset()
    fields: tuple = field(default=(), compare=False)  # (table, row_id, field, old, new) of each change

    @property
    def empty(self) -> bool:
        return not self.tables

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(
            op_id=self.op_id or other.op_id,
            tables=self.tables | other.tables,
            household_ids=self.household_ids | other.household_ids,
            row_ids=self.row_ids | other.row_ids,
            fields=self.fields + other.fields,
        )

    @classmethod
    def from_writer(cls, writer, household_ids=()) -> "Changes":
        return cls(
            op_id=writer.op_id,
            tables=frozenset(entry[0] for entry in writer.log),
            household_ids=frozenset(h for h in household_ids if h),
            row_ids=frozenset(entry[1] for entry in writer.log),
            fields=tuple(writer.log),
        )
