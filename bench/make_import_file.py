#!/usr/bin/env python3
"""Write a Kolektor import XML with many receivables, for timing `portal import`.

Usage: bench/make_import_file.py --creditor 25097563 --receivables 100000 --debtors 20000 OUTPUT.xml

Every debtor is a business with a valid IČO; receivables are spread evenly over the debtors. With
--remaining-percent below 100 each receivable's remaining amount is that share of its total, so a second file
models a round of partial payments against the first. --changed-percent P applies that reduction to only P % of
the receivables (every n-th one, n = 100 / P rounded). --csv FILE also writes the same receivables, one row each with its
debtor's name and IČO, as CSV for a `psql \copy` baseline.
"""
import argparse
import csv


def ico(number):
    """Return an 8-digit IČO with a valid mod-11 check digit for a 7-digit number."""
    digits = f"{number:07d}"
    weighted = sum(int(d) * w for d, w in zip(digits, [8, 7, 6, 5, 4, 3, 2]))
    return digits + str((11 - weighted % 11) % 10)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--creditor", required=True, help="IČO of the creditor the file is for")
    parser.add_argument("--receivables", type=int, default=100_000)
    parser.add_argument("--debtors", type=int, default=20_000)
    parser.add_argument("--remaining-percent", type=int, default=100)
    parser.add_argument("--changed-percent", type=float, default=100.0,
                        help="share of receivables that get --remaining-percent; the others stay fully unpaid")
    parser.add_argument("--csv", help="also write the receivables to this CSV file")
    parser.add_argument("output")
    options = parser.parse_args()
    if not 0 < options.changed_percent <= 100:
        parser.error("--changed-percent must be above 0 and at most 100")
    change_every = round(100 / options.changed_percent)
    csv_file = open(options.csv, "w", encoding="utf-8", newline="") if options.csv else None
    csv_writer = csv.writer(csv_file) if csv_file else None

    with open(options.output, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write('<import xmlns="https://kolektor.cz/ns/import/1" version="1">\n')
        out.write(f"<creditor><ico>{options.creditor}</ico></creditor>\n<debtors>\n")
        for index in range(options.debtors):
            out.write(
                f'<debtor id="D{index}" kind="business"><name>Odběratel {index} s.r.o.</name>'
                f"<ico>{ico(1_000_000 + index)}</ico><address><street>Dlouhá {index}</street>"
                f"<city>Praha</city><postalCode>11000</postalCode></address>"
                f"<email>odberatel{index}@example.cz</email></debtor>\n")
        out.write("</debtors>\n<receivables>\n")
        for index in range(options.receivables):
            total = 100_000 + (index % 500) * 100
            debtor = index % options.debtors
            remaining = total * options.remaining_percent // 100 if index % change_every == 0 else total
            out.write(
                f'<receivable debtor="D{debtor}"><invoiceNumber>FV{index:08d}</invoiceNumber>'
                f"<variableSymbol>{index + 1}</variableSymbol><issueDate>2026-10-01</issueDate>"
                f"<dueDate>2026-10-15</dueDate><currency>CZK</currency>"
                f"<total>{total // 100}.{total % 100:02d}</total>"
                f"<remaining>{remaining // 100}.{remaining % 100:02d}</remaining></receivable>\n")
            if csv_writer:
                csv_writer.writerow([
                    f"FV{index:08d}", f"FV{index:08d}", index + 1, "2026-10-01", "2026-10-15", "CZK", total,
                    remaining, f"Odběratel {debtor} s.r.o.", ico(1_000_000 + debtor)])
        out.write("</receivables>\n</import>\n")
    if csv_file:
        csv_file.close()


if __name__ == "__main__":
    main()
