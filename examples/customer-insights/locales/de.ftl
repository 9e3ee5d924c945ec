### Deutsch: die eigenen Meldungen des Dienstes (Referenz: ihr englischer Text in src/service.rs
### und src/address.rs). Die Meldungen der Bibliothek (Inhalt der Anfrage, 413, 415) übersetzt
### validate-core selbst.
###
### Ids und Codes, Header- und Parameternamen (api-version) und Versionen (2017-04-26) bleiben
### unübersetzt.

## Eigene Antworten des Dienstes, nach Id (src/locales.rs, IDS).

route-not-found = Für die Anfrage-URL gibt es keine passende Route.
method-not-allowed = Die Methode ist hier nicht zulässig; zulässig sind GET und PUT.
# $maxUrlBytes: die größte Länge der Anfrage-URL (Pfad und Abfrage), in Bytes.
url-too-long = Die Anfrage-URL ist länger als die { $maxUrlBytes } Bytes, die dieser Dienst akzeptiert.
# $maxHeaderBytes: die größte Summe der Header (Namen und Werte), in Bytes.
headers-too-large = Die Header der Anfrage sind größer als die { $maxHeaderBytes } Bytes, die dieser Dienst akzeptiert.
body-timeout = Der Anfragetext ist nicht rechtzeitig eingetroffen.
# $hub, $name, $group: die Namen aus der URL.
resource-not-found = Die Ressource 'Microsoft.CustomerInsights/hubs/{ $hub }/relationships/{ $name }' in der Ressourcengruppe '{ $group }' wurde nicht gefunden.
internal-error = Die Anfrage konnte nicht abgeschlossen werden.
url-invalid = Die Anfrage-URL ist ungültig.

## Regeln der URL, nach Code (src/address.rs). $rule: die verletzte Regel (required, one_of,
## range, format, length, pattern); $parameter: der Parameter der URL (hubName, …).

MissingApiVersionParameter = Der Abfrageparameter api-version (?api-version=) muss bei jeder Anfrage angegeben werden.
InvalidApiVersionParameter =
    { $rule ->
        [range] Der Abfrageparameter api-version darf nur einmal angegeben werden.
       *[other] Die api-version wird nicht unterstützt; unterstützt werden die Versionen '2017-04-26' und '2017-01-01'.
    }
InvalidSubscriptionId = Die Abonnement-ID muss eine GUID sein.
InvalidResourceGroupName =
    { $rule ->
        [length] Der Name der Ressourcengruppe muss 1 bis 90 Zeichen lang sein.
       *[other] Der Name der Ressourcengruppe darf nur Buchstaben, Ziffern, '-', '_', '.', '(' und ')' enthalten und nicht auf '.' enden.
    }
InvalidResourceName =
    { $parameter ->
        [hubName]
            { $rule ->
                [length] Der Name des Hubs muss 2 bis 64 Zeichen lang sein.
               *[other] Der Name des Hubs muss mit einem Buchstaben beginnen und darf nur Buchstaben und Ziffern enthalten.
            }
       *[other]
            { $rule ->
                [length] Der Name der Beziehung darf höchstens 512 Zeichen lang sein.
               *[other] Der Name der Beziehung muss mit einem Buchstaben beginnen und darf nur Buchstaben, Ziffern und '_' enthalten.
            }
    }
