"""Trackline's repair of moto's DynamoDB TransactWriteItems, loaded into moto_server through PYTHONPATH (Emulator).

moto 5.2 backs a transaction up by deep-copying each table it names, once per item, before it starts, and puts the
copy back when the transaction is cancelled. So every transaction costs time and memory in proportion to the whole
table and its stream (on the local cloud's single table: gigabytes and seconds per transaction after a few hundred
shipments), and a write by another request that lands meanwhile is lost when a cancelled transaction puts its copy
back. Here a transaction backs up only the items it names, and each table's stream length, and a cancelled one puts
those back. What a transaction checks, writes, and answers is moto's own code, unchanged.
"""
import copy
import importlib.machinery
import importlib.util
import os
import sys
import threading


def _load_shadowed_sitecustomize():
    """Python imports one sitecustomize: run the one this file shadows on the path, if there is one."""
    here = os.path.dirname(os.path.abspath(__file__))
    others = [entry for entry in sys.path if entry and os.path.abspath(entry) != here]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", others)
    if spec is not None and spec.loader is not None:
        spec.loader.exec_module(importlib.util.module_from_spec(spec))


_load_shadowed_sitecustomize()

from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.table import Table

_transaction = threading.local()
_moto_transact_write_items = DynamoDBBackend.transact_write_items


def _table_deepcopy(table, memo):
    """Inside a transaction, moto's backup of a whole table is the table itself (a no-op restore); else a deep copy."""
    if getattr(_transaction, "active", False):
        return table
    return copy._reconstruct(table, memo, *table.__reduce_ex__(4))


class _Backup:
    """The items a transaction names, as they were, and the length of each named table's stream."""

    def __init__(self, backend, transact_items):
        self.items = []
        self.streams = {}
        for entry in transact_items:
            try:
                op_type, op = next(iter(entry.items()))
                table = backend.tables[op["TableName"]]
                attributes = op["Item"] if op_type == "Put" else op["Key"]
                key = {table.hash_key_attr: attributes[table.hash_key_attr]}
                if table.range_key_attr is not None:
                    key[table.range_key_attr] = attributes[table.range_key_attr]
                hash_value, range_value = backend.get_keys_value(table, key)
            except Exception:
                continue  # moto refuses this entry before writing anything for it
            self.items.append((table, hash_value, range_value, copy.deepcopy(table.get_item(hash_value, range_value))))
            if table.stream_shard is not None:
                self.streams.setdefault(id(table), (table.stream_shard, len(table.stream_shard.items)))

    def restore(self):
        for table, hash_value, range_value, item in reversed(self.items):
            if range_value is not None:
                if item is None:
                    table.items[hash_value].pop(range_value, None)
                    if not table.items[hash_value]:
                        del table.items[hash_value]
                else:
                    table.items[hash_value][range_value] = item
            elif item is None:
                table.items.pop(hash_value, None)
            else:
                table.items[hash_value] = item
        for shard, length in self.streams.values():
            del shard.items[length:]


def _transact_write_items(self, transact_items):
    backup = _Backup(self, transact_items)
    _transaction.active = True
    try:
        return _moto_transact_write_items(self, transact_items)
    except BaseException:
        backup.restore()
        raise
    finally:
        _transaction.active = False


Table.__deepcopy__ = _table_deepcopy
DynamoDBBackend.transact_write_items = _transact_write_items
print("trackline: moto's TransactWriteItems backs up the items it names, not whole tables (sitecustomize.py)",
      file=sys.stderr, flush=True)
