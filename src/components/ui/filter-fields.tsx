import type { ComponentProps, ReactNode } from 'react'
import { SelectField, TextField } from './field'

/** A choice of a FilterSelect: its value (in the address), shown as it is or under a label. */
export type FilterChoice<Value extends string> = Value | { value: Value; label: string }

export interface FilterSelectProps<Value extends string> {
  label: ReactNode
  /** the filter as the address has it; '' is no filter */
  value: Value | ''
  onChange: (value: Value | '') => void
  /** what no filter reads, first in the list: "All projects" */
  anyLabel: string
  choices: readonly FilterChoice<Value>[]
  className?: string
}

/**
 * A labelled select of one filter of a list (a SelectField): no filter first, then the choices.
 * A value from the address that is not (or no longer) among the choices, e.g. a project deleted
 * since the link was made, still shows, right after no filter: the select says what filters the
 * list, and choosing another drops it.
 */
export function FilterSelect<Value extends string>({
  label,
  value,
  onChange,
  anyLabel,
  choices,
  className,
}: FilterSelectProps<Value>) {
  const options = choices.map((choice) =>
    typeof choice === 'string' ? { value: choice, label: choice } : choice,
  )
  const isUnknown = value !== '' && !options.some((option) => option.value === value)
  return (
    <SelectField
      label={label}
      className={className}
      value={value}
      // Only '' , the choices and the value itself are options: the select gives back one of them.
      onChange={(event) => onChange(event.target.value as Value | '')}
    >
      <option value="">{anyLabel}</option>
      {isUnknown && <option value={value}>{value}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </SelectField>
  )
}

/**
 * The project filter of a list (Access, Audit trail): "All projects", then the organization's
 * projects by name; a project from the address that is gone still shows (FilterSelect).
 */
export function ProjectFilter({
  projects,
  value,
  onChange,
}: {
  projects: readonly string[]
  value: string
  onChange: (project: string) => void
}) {
  return (
    <FilterSelect
      label="Project"
      anyLabel="All projects"
      choices={projects}
      value={value}
      onChange={onChange}
    />
  )
}

export type SearchFieldProps = Omit<ComponentProps<typeof TextField>, 'type' | 'onChange' | 'value'> & {
  value: string
  /** the box's text after each keystroke */
  onTextChange: (text: string) => void
}

/**
 * A labelled search box of a list's toolbar (a TextField of type search, whose role is
 * "searchbox"): what is typed is a name or an address, not prose, so no autocomplete and no
 * spell check.
 */
export function SearchField({ onTextChange, ...props }: SearchFieldProps) {
  return (
    <TextField
      type="search"
      autoComplete="off"
      spellCheck={false}
      {...props}
      onChange={(event) => onTextChange(event.target.value)}
    />
  )
}
