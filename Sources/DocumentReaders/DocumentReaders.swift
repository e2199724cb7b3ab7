// DocumentReaders module.
