#!/usr/bin/env python3
"""Writes costs-10000.csv: 10,000 invented cost lines, as an accounts package might export them,
with 13 deliberately bad rows of different kinds (CostsCSVTests checks each one's row, column and
message). The chart it codes to is CostsCSVTests.chart (the demo production's account codes).

    python3 make-costs-csv.py > costs-10000.csv

Deterministic: the same bytes on every run (a fixed seed, no clock).
"""
import csv
import io
import random
import sys

ACCOUNTS = ["1100", "1200", "1300", "1400", "1500", "1600", "2050", "2100", "2200", "2300", "2400", "2500",
            "2600", "2700", "2800", "2900", "3050", "3100", "3200", "3300", "3400", "3500", "3600", "3700",
            "3800", "3900", "4100", "4200", "4300", "4400", "4500", "4600", "5100", "5200", "5300", "5400"]
SUPPLIERS = ["Kernow Hire", "Brunel Lighting", "Penwith Sound", "St Ives Props", "West Fuels", "Data Dock",
             "Pasty & Pan", "Tamar Casting", "Coastline Aid", "Tidewater Post", "Cornish Vans", "Zoë Marchetti",
             "Renée Laurent", "Nordlys VFX", "Harbour B&B", "Office Supplies"]
DETAILS = ["Hire, 1 week", "Fuel", "Catering", "Props hire", "Drives", "Fee", "Room hire", "Van hire",
           "Kit loss & damage", "Printing", "Taxi", "Parking", "Medic", "Edit suite", "Grade day"]
HEADER = ["Date", "Nominal code", "Supplier", "Details", "Net amount", "VAT", "Gross", "CCY", "FX rate",
          "PO number", "Inv no", "Type", "Paid", "Approved by", "Cost centre"]

# Data row index (0-based, in file order) -> what is wrong with it.
BAD = {
    37: "ambiguous-net",      # 1.250,00
    512: "unknown-account",   # 9999
    1024: "not-a-real-date",  # 2027-02-30
    1999: "slash-date",       # 03/04/2027
    2500: "commitment-no-po",
    3333: "empty-amount",
    4096: "too-many-cells",   # an unquoted comma in the supplier
    5000: "bad-kind",         # maybe
    6001: "usd-no-rate",
    7007: "gross-mismatch",
    8080: "po-already-open",
    9000: "dollars-on-gbp",   # $40.00 on a GBP row
    9998: "empty-date",
}
BLANK_AFTER = {99, 4999}  # a blank line after these rows (spreadsheets leave them; skipped)


def money(pence):
    return "%s%d.%02d" % ("-" if pence < 0 else "", abs(pence) // 100, abs(pence) % 100)


def main():
    rnd = random.Random(20270301)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(HEADER)
    first_po = None
    po_n = 0
    for i in range(10000):
        day = 1 + (i * 181) // 10000           # 2027-01-01 .. 2027-06-30, in order
        month, dom = 1, day
        for m, n in enumerate([31, 28, 31, 30, 31, 30], start=1):
            if dom <= n:
                month = m
                break
            dom -= n
        date = "2027-%02d-%02d" % (month, dom)
        acct = rnd.choice(ACCOUNTS)
        sup = rnd.choice(SUPPLIERS)
        det = rnd.choice(DETAILS)
        net = rnd.randint(500, 250000)
        if i % 97 == 0:
            net = -net // 10                   # a credit note
        vat = net // 5 if i % 3 == 0 else 0
        ccy, rate = "", ""
        if i % 151 == 0:
            ccy, rate = "EUR", "0.8571"
        elif i % 251 == 0:
            ccy, rate = "USD", "0.7912"
        kind = "commitment" if i % 10 == 0 else "actual"
        po, inv = "", ""
        if kind == "commitment":
            po_n += 1
            po = "PO-%05d" % po_n
            first_po = first_po or po
        else:
            inv = "INV-%05d" % i
            if i % 4 == 0:
                po = "PO-%05d" % max(1, po_n)
        paid = "yes" if kind == "actual" and i % 2 == 0 else ""
        appr = "Jo Alder" if i % 50 == 0 else ""
        net_cell, vat_cell = money(net), (money(vat) if vat else "")
        gross_cell = money(net + vat)
        if net < 0 and i % 2 == 1:
            net_cell = "(%s)" % money(-net)    # accounts packages bracket credits
        if ccy == "USD" and i % 2 == 1:
            net_cell = "$" + net_cell if not net_cell.startswith("(") else net_cell
        if i % 500 == 7:
            ccy = "GBP"                         # the production's own currency, named
        if i % 1000 == 3:
            det = 'Hire, "long" lens\nreturned late'  # a quoted cell with a comma, quotes, a line break
        row = [date, acct, sup, det, net_cell, vat_cell, gross_cell, ccy, rate, po, inv,
               "PO" if kind == "commitment" and i % 20 == 0 else kind, paid, appr, "CC%d" % (i % 7)]

        bad = BAD.get(i)
        if bad == "ambiguous-net":
            row[4], row[5], row[6], row[7], row[8] = "1.250,00", "", "1250.00", "", ""
        elif bad == "unknown-account":
            row[1] = "9999"
        elif bad == "not-a-real-date":
            row[0] = "2027-02-30"
        elif bad == "slash-date":
            row[0] = "03/04/2027"
        elif bad == "commitment-no-po":
            row[9], row[11] = "", "commitment"
        elif bad == "empty-amount":
            row[4], row[5], row[6] = "", "", ""
        elif bad == "bad-kind":
            row[11] = "maybe"
        elif bad == "usd-no-rate":
            row[7], row[8] = "USD", ""
        elif bad == "gross-mismatch":
            row[4], row[5], row[6], row[7], row[8] = "100.00", "20.00", "125.00", "", ""
        elif bad == "po-already-open":
            row[9], row[11] = first_po, "commitment"
        elif bad == "dollars-on-gbp":
            row[4], row[5], row[6], row[7], row[8] = "$40.00", "", "40.00", "", ""
        elif bad == "empty-date":
            row[0] = ""
        if bad == "too-many-cells":
            out.write(",".join([row[0], row[1], "Smith, Jones & Co"] + row[3:]) + "\r\n")
        else:
            w.writerow(row)
        if i in BLANK_AFTER:
            out.write("\r\n")
    sys.stdout.buffer.write(out.getvalue().encode("utf-8"))


if __name__ == "__main__":
    main()
