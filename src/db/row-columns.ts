/**
 * A table's columns for a prepared insert, listed once and checked complete when compiled: a
 * column added to the row type but not to the list is a type error where the list is given (the
 * list "is not assignable to parameter of type 'never'"), not a value the insert drops silently.
 * `valuesOf` reads them from a row, or from a prepared query's placeholders, which have no keys
 * to spread.
 */
export function rowColumns<Row>() {
  return <const Columns extends ReadonlyArray<keyof Row>>(
    columns: Columns & (Exclude<keyof Row, Columns[number]> extends never ? unknown : never),
  ) => ({
    columns,
    valuesOf: (row: Row): Row => Object.fromEntries(columns.map((c) => [c, row[c]])) as Row,
  });
}
