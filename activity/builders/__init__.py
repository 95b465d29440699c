"""Pure builders of the activity, from entries and the names they refer to: the human line of an entry
(`lines`), in words (`texts`), its before and after as a reader reads them (`changes`), and the CSV (`rows`)."""
