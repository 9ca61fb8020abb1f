import Crypto
import Domain
import Foundation
import Roles
import Store
import Web

/// `portal demo`: creates the demo creditor with its users, partners and a few debtors, and prints the sign-ins.
/// Running it again changes nothing and prints the same sign-ins.
enum DemoCommand {
    struct Login {
        let role: Role
        let email: String
        let password: String
        let name: String
        var partner = PartnerDetails()
    }

    static let demoICO = "12345679"

    /// Fixed demo passwords, printed by `make run`; the demo database is for trying the product only.
    static let logins: [Login] = [
        Login(role: .clientAdmin, email: "spravce@kolektor-demo.test", password: "Demo-spravce-2026", name: "Jana Dvořáková"),
        Login(role: .subordinate, email: "referent@kolektor-demo.test", password: "Demo-referent-2026", name: "Petr Svoboda"),
        Login(role: .lawyer, email: "advokat@kolektor-demo.test", password: "Demo-advokat-2026", name: "JUDr. Marie Horáková",
              partner: PartnerDetails(cakNumber: "12345")),
        Login(role: .arbitrator, email: "rozhodce@kolektor-demo.test", password: "Demo-rozhodce-2026",
              name: "Mgr. Tomáš Král", partner: PartnerDetails(arbitratorRegistration: "Seznam rozhodců MSp č. 2041")),
        Login(role: .bailiff, email: "exekutor@kolektor-demo.test", password: "Demo-exekutor-2026",
              name: "JUDr. Karel Novotný",
              partner: PartnerDetails(bailiffOffice: "Exekutorský úřad Praha 10", bailiffRegion: "Hlavní město Praha")),
        Login(role: .operator, email: "provoz@kolektor-demo.test", password: "Demo-provoz-2026", name: "Provoz Kolektor"),
    ]

    static func run(configuration: Configuration) throws {
        let connection = try Connection(conninfo: try configuration.databaseURL())
        defer { connection.close() }
        let provisioning = AccountProvisioning(connection: connection, hasher: PasswordHasher(), now: Date())

        let organization = try OrganizationRepository.find(ico: demoICO, on: connection)
            ?? provisioning.createOrganization(
                ico: demoICO, name: "Demo Kolektor s.r.o.", dic: "CZ12345679", street: "Vodičkova 704/36",
                city: "Praha 1", postalCode: "110 00", bankAccount: "19-2000145399/0800",
                email: "fakturace@kolektor-demo.test", phone: "+420 222 123 456")

        var subordinate: User?
        for login in logins {
            let existing = try UserRepository.find(email: login.email, on: connection)
            if let existing {
                // The printed demo sign-ins must work on every run, even after someone changed a demo password.
                try UserRepository.setPasswordHash(try provisioning.hasher.hash(login.password), userID: existing.id, at: Date(), on: connection)
                try UserRepository.setActive(true, userID: existing.id, at: Date(), on: connection)
            }
            let user = try existing ?? provisioning.createUser(
                User(organizationID: login.role.belongsToCreditor ? organization.id : nil, role: login.role,
                     email: login.email, fullName: login.name, partner: login.partner),
                password: login.password)
            if login.role == .subordinate { subordinate = user }
        }

        if try DebtorRepository.all(organizationID: organization.id, on: connection).isEmpty {
            try connection.transaction { connection in
                let debtors = [
                    Debtor(organizationID: organization.id, kind: .business, name: "Stavebniny Horák s.r.o.", ico: "25097563",
                           email: "uctarna@stavebniny-horak.test", phone: "+420 601 111 222", street: "Nádražní 12",
                           city: "Kolín", postalCode: "280 02"),
                    Debtor(organizationID: organization.id, kind: .business, name: "Pekárna U Mlýna, a.s.", ico: "45317054",
                           email: "info@pekarna-mlyn.test", street: "Mlýnská 5", city: "Brno", postalCode: "602 00"),
                    Debtor(organizationID: organization.id, kind: .consumer, name: "Lucie Benešová",
                           email: "lucie.benesova@posta.test", phone: "+420 777 333 444", street: "Lipová 8",
                           city: "Olomouc", postalCode: "779 00"),
                ]
                let stored = try debtors.map { try DebtorRepository.insert($0, on: connection) }
                if let subordinate {
                    try DebtorRepository.replaceAssignments(
                        userID: subordinate.id, organizationID: organization.id, debtorIDs: [stored[0].id], on: connection)
                }
            }
        }

        let settings = Settings(
            mode: .development, baseURL: configuration.string("KOLEKTOR_BASE_URL") ?? "",
            dataDirectory: configuration.string("KOLEKTOR_DATA_DIR") ?? "var")
        let application = Application(settings: settings, logger: Logger(minimumLevel: .warning))
        try DemoCollection.seed(
            application: application, conninfo: try configuration.databaseURL(), creditorICO: demoICO, now: Date())

        print("Demo data are ready: creditor \(organization.name), IČO \(organization.ico).")
        print("Demo sign-ins (e-mail / password):")
        for login in logins {
            let site = Site.signInSite(of: login.role)
            let padded = login.email.padding(toLength: 30, withPad: " ", startingAt: 0)
            print("  \(site.prefix.padding(toLength: 11, withPad: " ", startingAt: 0)) \(padded) \(login.password)")
        }
    }
}
