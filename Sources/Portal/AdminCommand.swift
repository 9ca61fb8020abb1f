import Crypto
import Domain
import Foundation
import Roles
import Store

/// `portal admin …`: creates creditors and accounts and lists them. Messages are in Czech for the operator.
enum AdminCommand {
    static let usage = """
        použití:
          portal admin create-organization --ico IČO --name NÁZEV [--dic DIČ] [--street ULICE] [--city OBEC]
                                           [--postal-code PSČ] [--bank-account ÚČET] [--email E-MAIL] [--phone TELEFON]
                                           [--spacing DNY]
          portal admin create-user --organization IČO --role client-admin|subordinate --email E-MAIL --name JMÉNO
                                   [--password HESLO]
          portal admin create-partner --role lawyer|arbitrator|bailiff|operator --email E-MAIL --name JMÉNO
                                      [--cak ČÍSLO] [--office ÚŘAD --region OBVOD] [--registration REGISTRACE]
                                      [--password HESLO]
          portal admin create-api-key --organization IČO --name NÁZEV
          portal admin set-interest-rate --half RRRR-H1|RRRR-H2 --rate SAZBA
                                         sazba úroku z prodlení v % ročně pro pololetí, např. --half 2026-H2 --rate 11,25
          portal admin list

        Bez --password dostane uživatel odkaz pro nastavení hesla (platí 7 dní); příkaz ho vypíše.
        """

    static func run(arguments: [String], configuration: Configuration) throws {
        guard let subcommand = arguments.first else { throw UsageError(usage) }
        if ["help", "--help", "-h"].contains(subcommand) {
            print(usage)
            return
        }
        let connection = try Connection(conninfo: try configuration.databaseURL())
        defer { connection.close() }
        let provisioning = AccountProvisioning(connection: connection, hasher: PasswordHasher(), now: Date())
        let options = Array(arguments.dropFirst())
        let baseURL = configuration.string("KOLEKTOR_BASE_URL") ?? ""
        switch subcommand {
        case "create-organization":
            let args = try Arguments(options, allowed: ["ico", "name", "dic", "street", "city", "postal-code",
                                                        "bank-account", "email", "phone", "spacing"])
            let spacing = try args["spacing"].map { text -> Int in
                guard let days = Int(text) else { throw UsageError("--spacing musí být celé číslo dní, ne „\(text)“") }
                return days
            } ?? 7
            let organization = try provisioning.createOrganization(
                ico: try args.required("ico"), name: try args.required("name"), dic: args["dic"] ?? "",
                street: args["street"] ?? "", city: args["city"] ?? "", postalCode: args["postal-code"] ?? "",
                bankAccount: args["bank-account"] ?? "", email: args["email"] ?? "", phone: args["phone"] ?? "",
                spacingDays: spacing)
            print("Věřitel „\(organization.name)“ (IČO \(organization.ico)) byl založen, id \(organization.id).")
        case "create-user":
            let args = try Arguments(options, allowed: ["organization", "role", "email", "name", "password"])
            let ico = try args.required("organization")
            guard let organization = try OrganizationRepository.find(ico: ICO(ico)?.digits ?? ico, on: connection) else {
                throw UsageError("Věřitel s IČO „\(ico)“ neexistuje. Založte ho příkazem portal admin create-organization.")
            }
            let role = try parseRole(try args.required("role"), allowed: [.clientAdmin, .subordinate])
            let user = try provisioning.createUser(
                User(organizationID: organization.id, role: role, email: try args.required("email"),
                     fullName: try args.required("name")),
                password: args["password"])
            try report(user, provisioning: provisioning, baseURL: baseURL)
        case "create-partner":
            let args = try Arguments(options, allowed: ["role", "email", "name", "cak", "office", "region",
                                                        "registration", "password"])
            let role = try parseRole(try args.required("role"), allowed: [.lawyer, .arbitrator, .bailiff, .operator])
            let details = try partnerDetails(role: role, args: args)
            let user = try provisioning.createUser(
                User(organizationID: nil, role: role, email: try args.required("email"), fullName: try args.required("name"),
                     partner: details),
                password: args["password"])
            try report(user, provisioning: provisioning, baseURL: baseURL)
        case "create-api-key":
            let args = try Arguments(options, allowed: ["organization", "name"])
            let ico = try args.required("organization")
            guard let organization = try OrganizationRepository.find(ico: ICO(ico)?.digits ?? ico, on: connection) else {
                throw UsageError("Věřitel s IČO „\(ico)“ neexistuje. Založte ho příkazem portal admin create-organization.")
            }
            let key = "kol_" + SecureRandom.token()
            let stored = try APIKeyRepository.insert(
                organizationID: organization.id, name: try args.required("name"), keyHash: Digest.sha256(key),
                now: Date(), on: connection)
            print("API klíč „\(stored.name)“ pro věřitele \(organization.ico) byl založen, id \(stored.id).")
            print("Klíč se zobrazuje jen teď, uložte si ho: \(key)")
        case "set-interest-rate":
            let args = try Arguments(options, allowed: ["half", "rate"])
            let halfText = try args.required("half")
            let parts = halfText.uppercased().split(separator: "-")
            guard parts.count == 2, let year = Int(parts[0]), ["H1", "H2"].contains(parts[1]) else {
                throw UsageError("--half „\(halfText)“ není pololetí; zadejte například 2026-H2")
            }
            let rateText = try args.required("rate")
            guard let rate = Money.parse(rateText, currency: .czk), (0...10_000).contains(rate.minorUnits) else {
                throw UsageError("--rate „\(rateText)“ není sazba v procentech; zadejte například 11,25")
            }
            let halfYear = LateInterestRates.HalfYear(year: year, half: parts[1] == "H1" ? 1 : 2)
            try connection.transaction { connection in
                try InterestRateRepository.set(halfYear, basisPoints: Int(rate.minorUnits), at: Date(), on: connection)
                try AuditLog.append(
                    AuditEntry(actor: "cli", action: "interest_rate_set", subject: "half_year:\(halfYear)",
                               detail: "basis_points:\(rate.minorUnits)"),
                    at: Date(), on: connection)
            }
            print("Sazba úroku z prodlení pro \(halfYear): \(Formatting.decimal(hundredths: rate.minorUnits)) % ročně.")
        case "list":
            for organization in try OrganizationRepository.all(on: connection) {
                print("věřitel \(organization.ico)  \(organization.name)\(organization.active ? "" : "  (neaktivní)")")
                for user in try UserRepository.all(organizationID: organization.id, on: connection) {
                    print("  \(user.role.rawValue.replacingOccurrences(of: "_", with: "-"))  \(user.email)  \(user.fullName)")
                }
            }
            for user in try UserRepository.allWithoutOrganization(on: connection) {
                print("\(user.role.rawValue)  \(user.email)  \(user.fullName)")
            }
        default:
            throw UsageError("neznámý příkaz admin \(subcommand)\n\n\(usage)")
        }
    }

    static func parseRole(_ text: String, allowed: [Role]) throws -> Role {
        let normalized = text.replacingOccurrences(of: "-", with: "_")
        guard let role = Role(rawValue: normalized), allowed.contains(role) else {
            let names = allowed.map { $0.rawValue.replacingOccurrences(of: "_", with: "-") }.joined(separator: ", ")
            throw UsageError("role „\(text)“ zde nelze použít; povolené: \(names)")
        }
        return role
    }

    static func partnerDetails(role: Role, args: Arguments) throws -> PartnerDetails {
        switch role {
        case .lawyer:
            return PartnerDetails(cakNumber: try args.required("cak"))
        case .bailiff:
            return PartnerDetails(bailiffOffice: try args.required("office"), bailiffRegion: try args.required("region"))
        case .arbitrator:
            return PartnerDetails(arbitratorRegistration: try args.required("registration"))
        default:
            return PartnerDetails()
        }
    }

    static func report(_ user: User, provisioning: AccountProvisioning, baseURL: String) throws {
        print("Účet \(user.email) (\(user.role.rawValue)) byl založen, id \(user.id).")
        if !user.hasPassword {
            let link = try provisioning.invitationLink(
                for: user, baseURL: baseURL, sitePrefix: Site.signInSite(of: user.role).prefix)
            print("Odkaz pro nastavení hesla (platí 7 dní): \(link)")
        }
    }
}
