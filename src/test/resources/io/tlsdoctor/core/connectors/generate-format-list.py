import os, base64
OUT='/work/wt/conn/src/test/resources/io/tlsdoctor/core/connectors/'
GEO='CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US'
DIGI='CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US'
RID='RunspaceId'

def fl(props, width=120, hard=False):
    """Format-List as PowerShell prints it: names padded to the longest, ' : ', values cut at width-1 and continued
    indented to the value column (hard=True: a console copy, continuation at column 0)."""
    pad = max(len(k) for k, _ in props)
    lines = []
    for k, v in props:
        head = k.ljust(pad) + ' : '
        if v == '':
            lines.append((k.ljust(pad) + ' :'))
            continue
        room = width - 1 - len(head)
        if hard:
            text = head + v
            while len(text) > width - 1:
                lines.append(text[:width - 1]); text = text[width - 1:]
            lines.append(text)
        else:
            first = True
            while v:
                chunk, v = v[:room], v[room:]
                lines.append((head if first else ' ' * len(head)) + chunk)
                first = False
    return '\n'.join(lines)

def send(name, spaces, smart='{}', dns='True', tls='True', auth='DomainValidation', tlsdomain='mail.protection.outlook.com',
         cert='', servers='{EX01}', fqdn='mail.contoso.com', enabled='True', cloud='True', ignore='False'):
    return [(RID, '5f1a2b3c-9d8e-4f70-a1b2-c3d4e5f60718'), ('AuthenticationCredential', ''), ('CloudServicesMailEnabled', cloud),
        ('Comment', ''), ('ConnectedDomains', '{}'), ('ConnectionInactivityTimeOut', '00:10:00'), ('ConnectorType', 'Default'),
        ('DNSRoutingEnabled', dns), ('DomainSecureEnabled', 'False'), ('Enabled', enabled), ('ErrorPolicies', 'Default'),
        ('ForceHELO', 'False'), ('Fqdn', fqdn), ('FrontendProxyEnabled', 'False'), ('HomeMTA', 'Microsoft MTA'),
        ('HomeMtaServerId', 'EX01'), ('Identity', name), ('IgnoreSTARTTLS', ignore), ('IsScopedConnector', 'False'),
        ('IsSmtpConnector', 'True'), ('MaxMessageSize', '35 MB (36,700,160 bytes)'), ('Name', name), ('Port', '25'),
        ('ProtocolLoggingLevel', 'Verbose'), ('RequireOorg', 'False'), ('RequireTLS', tls), ('SmartHostAuthMechanism', 'None'),
        ('SmartHosts', smart), ('SmartHostsString', ''), ('SmtpMaxMessagesPerConnection', '20'), ('SourceIPAddress', '0.0.0.0'),
        ('SourceRoutingGroup', 'Exchange Routing Group (DWBGZMFD01QNBJR)'), ('SourceTransportServers', servers),
        ('TlsAuthLevel', auth), ('TlsCertificateName', cert), ('TlsDomain', tlsdomain), ('UseExternalDNSServersEnabled', 'False'),
        ('AddressSpaces', spaces), ('IsValid', 'True'), ('ObjectState', 'Unchanged')]

def receive(server, name, caps, cert='', auth='Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer',
            role='FrontendTransport', bindings='{[::]:25, 0.0.0.0:25}'):
    return [(RID, '5f1a2b3c-9d8e-4f70-a1b2-c3d4e5f60718'), ('AuthMechanism', auth), ('Banner', ''),
        ('BinaryMimeEnabled', 'True'), ('Bindings', bindings), ('ChunkingEnabled', 'True'), ('DefaultDomain', ''),
        ('DeliveryStatusNotificationEnabled', 'True'), ('EightBitMimeEnabled', 'True'), ('SmtpUtf8Enabled', 'True'),
        ('BareLinefeedRejectionEnabled', 'False'), ('DomainSecureEnabled', 'True'), ('EnhancedStatusCodesEnabled', 'True'),
        ('LongAddressesEnabled', 'False'), ('OrarEnabled', 'False'), ('SuppressXAnonymousTls', 'False'),
        ('ProxyEnabled', 'False'), ('AdvertiseClientSettings', 'False'), ('Fqdn', server + '.contoso.com'),
        ('ServiceDiscoveryFqdn', ''), ('TlsCertificateName', cert), ('Comment', ''), ('Enabled', 'True'),
        ('ConnectionTimeout', '00:10:00'), ('ConnectionInactivityTimeout', '00:05:00'),
        ('MessageRateLimit', 'Unlimited'), ('MaxInboundConnection', '5000'), ('MaxMessageSize', '36 MB (37,748,736 bytes)'),
        ('PermissionGroups', 'AnonymousUsers, ExchangeServers, ExchangeLegacyServers'), ('ProtocolLoggingLevel', 'Verbose'),
        ('RemoteIPRanges', '{::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, 0.0.0.0-255.255.255.255}'), ('RequireEHLODomain', 'False'),
        ('RequireTLS', 'False'), ('EnableAuthGSSAPI', 'False'), ('ExtendedProtectionPolicy', 'None'),
        ('LiveCredentialEnabled', 'False'), ('TlsDomainCapabilities', caps), ('Server', server), ('TransportRole', role),
        ('SizeEnabled', 'EnabledWithoutValue'), ('TarpitInterval', '00:00:05'), ('MaxAcknowledgementDelay', '00:00:30'),
        ('AdminDisplayName', ''), ('ExchangeVersion', '0.1 (8.0.535.0)'), ('Name', name), ('DistinguishedName',
        'CN=' + name + ',CN=SMTP Receive Connectors,CN=Protocols,CN=' + server + ',CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=Contoso,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com'),
        ('Identity', server + '\\' + name), ('Guid', '0b5e0e4a-5a1e-4d9e-9b0f-3c1f2e8d7a61'),
        ('ObjectCategory', 'contoso.com/Configuration/Schema/ms-Exch-Smtp-Receive-Connector'),
        ('ObjectClass', '{top, msExchSmtpReceiveConnector}'), ('WhenChanged', '14.03.2025 09:12:44'),
        ('WhenCreated', '02.11.2019 16:40:03'), ('IsValid', 'True'), ('ObjectState', 'Unchanged')]

def cert(server, thumb, subject, issuer, domains, notafter, services='IMAP, POP, IIS, SMTP', status='Valid', selfsigned='False',
         key='True', root='ThirdParty', notbefore='12/5/2025 12:00:00 AM'):
    return [('AccessRules', '{System.Security.AccessControl.CryptoKeyAccessRule, System.Security.AccessControl.CryptoKeyAccessRule...}'),
        ('CertificateDomains', domains), ('HasPrivateKey', key), ('Identity', server + '.contoso.com\\' + thumb),
        ('IsSelfSigned', selfsigned), ('Issuer', issuer), ('NotAfter', notafter), ('NotBefore', notbefore),
        ('PublicKeySize', '2048'), ('RootCAType', root), ('SerialNumber', '0A1B2C3D4E5F60718293A4B5C6D7E8F9'),
        ('Services', services), ('Status', status), ('Subject', subject), ('Thumbprint', thumb)]

def hybrid(cert, receiving='{EX01}', sending='{EX01}', smart='mail.contoso.com'):
    return [(RID, '5f1a2b3c-9d8e-4f70-a1b2-c3d4e5f60718'), ('ClientAccessServers', '{}'), ('EdgeTransportServers', '{}'),
        ('ReceivingTransportServers', receiving), ('SendingTransportServers', sending), ('OnPremisesSmartHost', smart),
        ('Domains', '{contoso.com}'), ('Features', '{FreeBusy, MoveMailbox, Mailtips, MessageTracking, OwaRedirection, OnlineArchive, SecureMail, Photos}'),
        ('ExternalIPAddresses', '{}'), ('TlsCertificateName', cert), ('ServiceInstance', '0'), ('AdminDisplayName', ''),
        ('ExchangeVersion', '0.10 (14.0.100.0)'), ('Name', 'Hybrid Configuration'),
        ('DistinguishedName', 'CN=Hybrid Configuration,CN=Hybrid Configuration,CN=Contoso,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com'),
        ('Identity', 'Hybrid Configuration'), ('IsValid', 'True'), ('ObjectState', 'Unchanged')]

def objs(list_, width=120, hard=False):
    return '\n\n'.join(fl(o, width, hard) for o in list_)

GOODCERT = '<I>' + GEO + '<S>CN=mail.contoso.com'
THUMB = '3764E7B5A8FAFF3E5E9599BE46F41048AC59FA3C'
SELF = 'B1C2D3E4F5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0'
HCW = 'Outbound to Office 365 - 2b5c9f4e-7d21-4a4b-9c3e-5e8f1a2b3c4d'

# 1. healthy Exchange 2019, EMS at 120 columns, one paste with prompts
text = '[PS] C:\\Windows\\system32>Get-SendConnector | Format-List\n\n\n' + objs([
    send(HCW, '{smtp:contoso.mail.onmicrosoft.com;1}', cert=GOODCERT),
    send('Internet', '{SMTP:*;1}', cloud='False', tls='False', auth='', tlsdomain='', fqdn='')]) + \
    '\n\n\n\n[PS] C:\\Windows\\system32>Get-ReceiveConnector -Server EX01 | Format-List\n\n\n' + objs([
    receive('EX01', 'Default Frontend EX01', '{mail.protection.outlook.com:AcceptCloudServicesMail}', cert=GOODCERT),
    receive('EX01', 'Default EX01', '{}', role='HubTransport', bindings='{[::]:2525, 0.0.0.0:2525}'),
    receive('EX01', 'Client Frontend EX01', '{}', bindings='{[::]:587, 0.0.0.0:587}')]) + \
    '\n\n\n\n[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server EX01 | Format-List\n\n\n' + objs([
    cert('EX01', THUMB, 'CN=mail.contoso.com', GEO, '{mail.contoso.com, autodiscover.contoso.com, smtp.contoso.com}', '1/7/2028 12:46:20 PM'),
    cert('EX01', SELF, 'CN=EX01', 'CN=EX01', '{EX01, EX01.contoso.com}', '11/2/2024 4:38:51 PM', services='IMAP, POP, SMTP',
         status='DateInvalid', selfsigned='True', root='Registry')]) + \
    '\n\n\n\n[PS] C:\\Windows\\system32>Get-HybridConfiguration | Format-List\n\n\n' + objs([hybrid(GOODCERT)]) + '\n\n\n'
open(OUT + 'fl-healthy-ex2019-ems120.txt', 'w', newline='\r\n').write(text)

# 2. renewed certificate from a new intermediate CA; connectors still name the old issuer; console copy at 80 columns
NEWTHUMB = '9F8E7D6C5B4A39281706F5E4D3C2B1A09F8E7D6C'
text = objs([send(HCW, '{smtp:contoso.mail.onmicrosoft.com;1}', cert=GOODCERT, servers='{EX01, EX02, EX03, EX04...}')], 80, True) + '\n\n' + \
    objs([cert('EX01', NEWTHUMB, 'CN=mail.contoso.com, O=Contoso Ltd, L=Redmond, S=Washington, C=US', DIGI,
               '{mail.contoso.com, autodiscover.contoso.com}', '2/14/2027 11:59:59 PM')], 80, True) + '\n'
open(OUT + 'fl-renewed-new-ca-console80.txt', 'w', newline='\r\n').write(text)

# 3. Swedish admin: localised send connector name with non-ASCII letters and a comma, Swedish dates, saved with '>'
#    (UTF-16LE with BOM); receive connector without the cloud capability; certificate bound but not enabled for SMTP
SVCERT = '<I>' + GEO + '<S>CN=mail.contoso.se'
SVTHUMB = '5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D1E2F3A4B'
text = objs([send('Utgående till Office 365, Göteborg', '{smtp:contoso.mail.onmicrosoft.com;1}', cert=SVCERT,
                  servers='{EXSTHLM01}', fqdn='mail.contoso.se')]) + '\n\n' + \
    objs([receive('EXSTHLM01', 'Default Frontend EXSTHLM01', '{}', cert=SVCERT)]) + '\n\n' + \
    objs([cert('EXSTHLM01', SVTHUMB, 'CN=mail.contoso.se', GEO, '{mail.contoso.se, autodiscover.contoso.se}',
               '2027-03-01 13:00:00', services='IIS', notbefore='2026-03-01 13:00:00')]) + '\n\n' + \
    objs([hybrid('<I>' + DIGI + '<S>CN=mail.contoso.se', receiving='{EXSTHLM01}', sending='{EXSTHLM01}', smart='mail.contoso.se')]) + '\n'
open(OUT + 'fl-swedish-utf16.txt', 'wb').write(b'\xff\xfe' + text.replace('\n', '\r\n').encode('utf-16-le'))

# 4. Exchange Online side, Format-List, the inbound connector expecting a name the certificate does not carry
inbound = [('Enabled', 'True'), ('ConnectorType', 'OnPremises'), ('ConnectorSource', 'HybridWizard'),
    ('Comment', ''), ('SenderIPAddresses', '{}'), ('SenderDomains', '{smtp:*;1}'), ('TrustedOrganizations', '{}'),
    ('AssociatedAcceptedDomains', '{}'), ('RequireTls', 'True'), ('RestrictDomainsToIPAddresses', 'False'),
    ('RestrictDomainsToCertificate', 'False'), ('CloudServicesMailEnabled', 'True'), ('TreatMessagesAsInternal', 'False'),
    ('TlsSenderCertificateName', 'hybrid.contoso.com'), ('EFTestMode', 'False'), ('ScanAndDropRecipients', '{}'),
    ('EFSkipLastIP', 'False'), ('EFSkipIPs', '{}'), ('EFSkipMailGateway', '{}'), ('EFUsers', '{}'),
    ('Identity', 'Inbound from 7c0e4a5b-3f2d-4e1c-8b9a-0d1e2f3a4b5c'), ('Name', 'Inbound from 7c0e4a5b-3f2d-4e1c-8b9a-0d1e2f3a4b5c'),
    ('WhenChangedUTC', '3/11/2025 8:14:02 AM'), ('WhenCreatedUTC', '11/2/2019 3:51:40 PM')]
outbound = [('Enabled', 'True'), ('UseMXRecord', 'False'), ('Comment', ''), ('ConnectorType', 'OnPremises'),
    ('ConnectorSource', 'HybridWizard'), ('RecipientDomains', '{contoso.com}'), ('SmartHosts', '{mail.contoso.com}'),
    ('TlsDomain', 'mail.contoso.com'), ('TlsSettings', 'DomainValidation'), ('IsTransportRuleScoped', 'False'),
    ('RouteAllMessagesViaOnPremises', 'False'), ('CloudServicesMailEnabled', 'True'), ('AllAcceptedDomains', 'False'),
    ('SenderRewritingEnabled', 'False'), ('TestMode', 'False'), ('LinkForModifiedConnector', '00000000-0000-0000-0000-000000000000'),
    ('ValidationRecipients', '{}'), ('IsValidated', 'False'), ('LastValidationTimestamp', ''),
    ('Identity', 'Outbound to 7c0e4a5b-3f2d-4e1c-8b9a-0d1e2f3a4b5c'), ('Name', 'Outbound to 7c0e4a5b-3f2d-4e1c-8b9a-0d1e2f3a4b5c'),
    ('WhenChangedUTC', '3/11/2025 8:14:05 AM'), ('WhenCreatedUTC', '11/2/2019 3:51:44 PM')]
text = 'PS C:\\Users\\admin> Get-InboundConnector | Format-List\n\n' + objs([inbound]) + \
       '\n\nPS C:\\Users\\admin> Get-OutboundConnector | Format-List\n\n' + objs([outbound]) + '\n\n'
open(OUT + 'exo-connectors-fl.txt', 'w', newline='\n').write(text)
print('ok')
